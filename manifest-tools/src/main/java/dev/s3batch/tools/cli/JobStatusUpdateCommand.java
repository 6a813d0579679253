package dev.s3batch.tools.cli;

import dev.s3batch.tools.job.JobControl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.RequestedJobStatus;

/**
 * The shared part of {@code job cancel} and {@code job confirm}: one UpdateJobStatus call to the
 * status a subclass requests, with the same arguments, options and output. A subclass adds its
 * {@code @Command} (name, description) and {@link #requested()}.
 */
abstract class JobStatusUpdateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job id.")
  String jobId;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (StatusUpdateReason, shown by job status).")
  String reason;

  @Option(names = "--json", description = "Print {\"jobId\": ..., \"status\": ...}.")
  boolean json;

  @Mixin AccountOption account;

  @Mixin AwsOptions aws;

  /** The status this command asks for. */
  abstract RequestedJobStatus requested();

  @Override
  public final Integer call() {
    String accountId = account.resolve();
    try (S3ControlClient client = aws.clients().s3Control()) {
      String status = JobCalls.run(() -> new JobControl(client).update(accountId, jobId, requested(), reason));
      Map<String, String> answer = new LinkedHashMap<>();
      answer.put("jobId", jobId);
      answer.put("status", status);
      spec.commandLine().getOut().println(json ? JobCalls.json(answer) : "job " + jobId + ": " + status);
      return ExitCodes.OK;
    }
  }
}
