package dev.s3batch.tools.cli;

import dev.s3batch.tools.aws.S3Uri;
import dev.s3batch.tools.report.InvalidReportException;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.ReportReview;
import dev.s3batch.tools.report.RetryManifestWriter;
import dev.s3batch.tools.report.ReportRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code s3batch report review}: checks a completion report against its {@code manifest.json}
 * and summarises it, streaming (constant memory, any number of rows).
 */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Check a completion report (the MD5 of every result file) and summarise it.",
      "The summary: totals by status, by error code and HTTP status, the most frequent failure messages with an",
      "example key; the failed tasks with --failed; the tasks a stopped job never ran (unprocessed.csv).",
      "A folder or prefix of several jobs' reports (job-<id>/): the newest is reviewed, the others are listed.",
      "Exit code 3 when the report holds failed tasks; 1 when a result file is missing or does not match",
      "manifest.json (then no retry manifest is written)."
    })
public final class ReportReviewCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "REPORT",
      description = "The report's manifest.json, the folder or s3:// prefix that holds it (job-<id>/), or the one "
          + "that holds the jobs' folders (the newest job is reviewed).")
  String location;

  @Option(names = "--failed", description = "List the failed tasks (bucket, decoded key, version id, error code, message).")
  boolean listFailed;

  @Option(names = "--json", description = "Print JSON for machines instead of text.")
  boolean json;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "How many failure messages to show (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--retry-manifest", paramLabel = "FILE",
      description = "Write the failed tasks, and those a stopped job never ran (unprocessed.csv), as a new CSV manifest"
          + " (keys kept as encoded in the report, version ids kept); not written when a result file is missing or"
          + " fails its MD5 check.")
  Path retryManifest;

  @Mixin AwsOptions aws;

  private S3Client s3;

  @Override
  public Integer call() throws IOException {
    S3Uri.requireLocation("REPORT", location, CliException::usage);
    if (retryManifest != null) {
      S3Uri.requireLocal("--retry-manifest", retryManifest.toString(), CliException::usage);
    }
    ReportReader reader;
    try {
      reader = ReportReader.open(location, this::s3);
    } catch (InvalidReportException e) {
      throw CliException.usage(e.getMessage());
    }
    reader.jobChoice().ifPresent(c -> ReviewPrinter.jobChoice(spec.commandLine().getErr(), c));
    ReportReview review = new ReportReview();
    List<String> problems;
    long retryRows = 0;
    long unprocessed;
    try (RetryManifestWriter retry = retryManifest == null ? null : new RetryManifestWriter(retryManifest)) {
      problems = reader.review(review, row -> {
        if (retry != null) {
          writeRetry(retry, row);
        }
      });
      unprocessed = reader.readUnprocessed(task -> {
        if (retry != null) {
          writeRetry(retry, task);
        }
      });
      if (retry != null && problems.isEmpty()) {
        retry.commit();
        retryRows = retry.rows();
      }
    } catch (InvalidReportException e) {
      throw CliException.usage(e.getMessage());
    }
    ReportReview.Summary summary = review.summary(top);
    ReviewPrinter printer = new ReviewPrinter(spec.commandLine().getOut(), json);
    printer.summary(reader, summary, problems);
    printer.unprocessed(reader.unprocessedLocation(), unprocessed);
    if (listFailed) {
      printer.failedTasks(reader);
    }
    printer.end(problems.isEmpty() ? retryManifest : null, retryRows);
    if (!problems.isEmpty()) {
      throw CliException.failed(problems.size() + " result file(s) missing or not matching the MD5 in manifest.json: "
          + String.join("; ", problems)
          + (retryManifest == null ? "" : "; no retry manifest written to " + retryManifest
              + ": a report that fails its check cannot say which tasks to retry"));
    }
    return summary.failed() > 0 || unprocessed > 0 ? ExitCodes.TASKS_FAILED : ExitCodes.OK;
  }

  /** One S3 client for the whole review (the manifests and every result file), built when first needed. */
  private S3Client s3() {
    if (s3 == null) {
      s3 = aws.clients().s3();
    }
    return s3;
  }

  private static void writeRetry(RetryManifestWriter retry, ReportRow row) {
    try {
      retry.write(row);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void writeRetry(RetryManifestWriter retry, ReportReader.UnprocessedTask task) {
    try {
      retry.write(task);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
