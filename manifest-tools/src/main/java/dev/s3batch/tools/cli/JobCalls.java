package dev.s3batch.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.s3batch.tools.job.JobInputException;
import dev.s3batch.tools.job.JobServiceException;
import dev.s3batch.tools.job.JobVerdict;
import java.util.concurrent.Callable;

/** What the {@code job} commands share: exception-to-exit-code mapping, JSON output, verdict codes. */
final class JobCalls {

  private JobCalls() {}

  /** Runs business code: bad input exits 2, a service error 1, an interruption 130. */
  static <T> T run(Callable<T> call) {
    try {
      return call.call();
    } catch (JobInputException e) {
      throw CliException.usage(e.getMessage());
    } catch (JobServiceException e) {
      throw CliException.failed(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.INTERRUPTED, "interrupted");
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw CliException.failed(e.getMessage());
    }
  }

  /** The exit code for a job: Failed or Cancelled 1, failed tasks 3, else 0. */
  static int exitCode(JobVerdict verdict) {
    return switch (verdict) {
      case FAILED -> ExitCodes.FAILED;
      case TASKS_FAILED -> ExitCodes.TASKS_FAILED;
      case RUNNING, SUCCEEDED -> ExitCodes.OK;
    };
  }

  /** Indented JSON of a value. */
  static String json(Object value) {
    try {
      SimpleModule instants = new SimpleModule().addSerializer(java.time.Instant.class, ToStringSerializer.instance);
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).registerModule(instants)
          .writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
