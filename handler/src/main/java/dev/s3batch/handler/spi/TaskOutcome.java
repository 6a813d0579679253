package dev.s3batch.handler.spi;

import dev.s3batch.handler.response.ResultCode;
import java.util.Objects;

/**
 * What an {@link ObjectAction} made of one task: one of the three result codes S3 Batch
 * Operations knows, with the message that goes into the completion report, and for failures
 * the error code (an S3 error code such as {@code NoSuchKey}, or empty) for the task's log line.
 *
 * <pre>{@code
 * return TaskOutcome.succeeded("copied to s3://dest/key (12 bytes)");
 * return TaskOutcome.permanentFailure("revision 'frobnicate' is unknown", "");
 * }</pre>
 *
 * <p>Switch over it exhaustively:
 *
 * <pre>{@code
 * ResultCode code = switch (outcome) {
 *   case TaskOutcome.Succeeded s -> ResultCode.Succeeded;
 *   case TaskOutcome.TemporaryFailure t -> ResultCode.TemporaryFailure;
 *   case TaskOutcome.PermanentFailure p -> ResultCode.PermanentFailure;
 * };
 * }</pre>
 */
public sealed interface TaskOutcome
    permits TaskOutcome.Succeeded, TaskOutcome.TemporaryFailure, TaskOutcome.PermanentFailure {

  /** The result string for the report. */
  String message();

  /** The wire result code. */
  ResultCode resultCode();

  /** The error code for logs, empty when there is none. */
  default String errorCode() {
    return "";
  }

  /** The task completed. */
  record Succeeded(String message) implements TaskOutcome {
    public Succeeded {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public ResultCode resultCode() {
      return ResultCode.Succeeded;
    }
  }

  /** The task may succeed when S3 Batch Operations redrives it. */
  record TemporaryFailure(String message, String errorCode) implements TaskOutcome {
    public TemporaryFailure {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(errorCode, "errorCode");
    }

    @Override
    public ResultCode resultCode() {
      return ResultCode.TemporaryFailure;
    }
  }

  /** The task cannot succeed; S3 Batch Operations marks it failed. */
  record PermanentFailure(String message, String errorCode) implements TaskOutcome {
    public PermanentFailure {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(errorCode, "errorCode");
    }

    @Override
    public ResultCode resultCode() {
      return ResultCode.PermanentFailure;
    }
  }

  /** A {@link Succeeded} outcome. */
  static TaskOutcome succeeded(String message) {
    return new Succeeded(message);
  }

  /** A {@link TemporaryFailure} outcome. */
  static TaskOutcome temporaryFailure(String message, String errorCode) {
    return new TemporaryFailure(message, errorCode);
  }

  /** A {@link PermanentFailure} outcome. */
  static TaskOutcome permanentFailure(String message, String errorCode) {
    return new PermanentFailure(message, errorCode);
  }

  /** A {@link PermanentFailure} outcome without an error code. */
  static TaskOutcome permanentFailure(String message) {
    return new PermanentFailure(message, "");
  }
}
