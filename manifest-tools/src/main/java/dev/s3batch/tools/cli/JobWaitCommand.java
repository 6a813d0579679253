package dev.s3batch.tools.cli;

import dev.s3batch.tools.job.Backoff;
import dev.s3batch.tools.job.Durations;
import dev.s3batch.tools.job.JobControl;
import dev.s3batch.tools.job.JobSummary;
import dev.s3batch.tools.job.JobTexts;
import dev.s3batch.tools.job.JobVerdict;
import dev.s3batch.tools.job.JobWaiter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/** {@code s3batch job wait ID}: polls DescribeJob with backoff until the job ends, then prints its status. */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Wait for a job to end (Complete, Failed, Cancelled), polling DescribeJob with backoff; then print its status.",
      "Progress goes to stderr on a terminal (or with --progress).",
      "Exit code 0 Complete, 3 Complete with failed tasks, 1 Failed, Cancelled or timed out."
    })
public final class JobWaitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job id.")
  String jobId;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s", description = "First delay between polls (default ${DEFAULT-VALUE}); it grows by half each poll.")
  String interval;

  @Option(names = "--max-interval", paramLabel = "DURATION", defaultValue = "30s", description = "Longest delay between polls (default ${DEFAULT-VALUE}).")
  String maxInterval;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "24h", description = "Give up after this long, exit code 1 (default ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--progress", description = "Print progress on stderr even when it is not a terminal.")
  boolean progress;

  @Option(names = "--json", description = "Print the final status as JSON.")
  boolean json;

  @Mixin AccountOption account;

  @Mixin AwsOptions aws;

  @Override
  public Integer call() {
    String accountId = account.resolve();
    Duration first = JobCalls.run(() -> Durations.parse("--interval", interval));
    Duration longest = JobCalls.run(() -> Durations.parse("--max-interval", maxInterval));
    Duration limit = JobCalls.run(() -> Durations.parse("--timeout", timeout));
    Backoff backoff = new Backoff(first, longest.compareTo(first) < 0 ? first : longest, 1.5);
    boolean show = progress || System.console() != null;
    PrintWriter err = spec.commandLine().getErr();
    try (S3ControlClient client = aws.clients().s3Control()) {
      JobControl control = new JobControl(client);
      JobWaiter waiter = new JobWaiter(id -> control.describe(accountId, id), backoff, limit);
      JobSummary job = JobCalls.run(() -> waiter.await(jobId, polled -> {
        if (show) {
          err.println("job " + polled.jobId() + ": " + polled.status() + ", " + JobTexts.progress(polled));
          err.flush();
        }
      }));
      JobStatusCommand.print(spec.commandLine().getOut(), job, json);
      return JobCalls.exitCode(JobVerdict.of(job));
    }
  }
}
