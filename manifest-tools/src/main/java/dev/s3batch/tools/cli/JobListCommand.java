package dev.s3batch.tools.cli;

import dev.s3batch.tools.job.JobControl;
import dev.s3batch.tools.job.JobSummary;
import dev.s3batch.tools.job.JobTexts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/** {@code s3batch job list}: every job of the account and Region (ListJobs, all pages). */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "List the account's jobs in the Region (ListJobs, every page), optionally only those in some statuses.")
public final class JobListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--status", paramLabel = "STATUS", description = "Only jobs in this status (Active, Complete, Failed, ...); repeatable.")
  List<String> statuses = new ArrayList<>();

  @Option(names = "--json", description = "Print the jobs as a JSON array.")
  boolean json;

  @Mixin AccountOption account;

  @Mixin AwsOptions aws;

  @Override
  public Integer call() {
    String accountId = account.resolve();
    try (S3ControlClient client = aws.clients().s3Control()) {
      List<JobSummary> jobs = JobCalls.run(() -> new JobControl(client).list(accountId, statuses));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(JobCalls.json(jobs));
      } else {
        out.println(JobTexts.header());
        jobs.forEach(job -> out.println(JobTexts.row(job)));
      }
      return ExitCodes.OK;
    }
  }
}
