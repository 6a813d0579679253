package dev.s3batch.tools.cli;

import dev.s3batch.tools.job.JobControl;
import dev.s3batch.tools.job.JobSummary;
import dev.s3batch.tools.job.JobTexts;
import dev.s3batch.tools.job.JobVerdict;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/** {@code s3batch job status ID}: a job's status, progress, failure reasons and report location (DescribeJob). */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show a job's status, progress, failure reasons and report location (DescribeJob).",
      "Exit code 3 when tasks failed (even if the job is Complete), 1 when the job Failed or was Cancelled."
    })
public final class JobStatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job id.")
  String jobId;

  @Option(names = "--json", description = "Print the status as JSON.")
  boolean json;

  @Mixin AccountOption account;

  @Mixin AwsOptions aws;

  @Override
  public Integer call() {
    String accountId = account.resolve();
    try (S3ControlClient client = aws.clients().s3Control()) {
      JobSummary job = JobCalls.run(() -> new JobControl(client).describe(accountId, jobId));
      print(spec.commandLine().getOut(), job, json);
      return JobCalls.exitCode(JobVerdict.of(job));
    }
  }

  /** Prints a job as {@code job status} does. */
  static void print(PrintWriter out, JobSummary job, boolean json) {
    if (json) {
      out.println(JobCalls.json(job));
    } else {
      JobTexts.status(job).forEach(out::println);
    }
  }
}
