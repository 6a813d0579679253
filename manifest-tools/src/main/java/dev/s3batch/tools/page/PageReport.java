package dev.s3batch.tools.page;

import dev.s3batch.tools.report.FailedRows;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.ReportReview;
import dev.s3batch.tools.report.ResultFiles;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the page shows of one report, read once when the server starts: {@code report review}'s
 * own summary (the same {@link ReportReview} over the same {@link ReportReader}, so the page and
 * the terminal never disagree), the message classes, and the index that pages the failed rows.
 * Only aggregates and the index are held, never rows, so memory does not grow with the report.
 *
 * @param reader the report, for the downloads and the pages of failed rows
 * @param summary the review's totals
 * @param problems result files missing or not matching their MD5 (the review's own messages)
 * @param unprocessed how many tasks a stopped job never ran
 * @param messageClasses failed rows by message class, largest first
 * @param failed the failed rows, paged
 */
public record PageReport(
    ReportReader reader, ReportReview.Summary summary, List<String> problems, long unprocessed,
    Map<String, Long> messageClasses, FailedRows failed) {

  /** How many failure messages and message classes the page charts. */
  static final int TOP = 10;

  public PageReport {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(summary, "summary");
    problems = List.copyOf(problems);
    messageClasses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(messageClasses));
    Objects.requireNonNull(failed, "failed");
  }

  /**
   * Reviews the report (every result file, MD5 checked) and indexes its failed rows.
   *
   * @throws dev.s3batch.tools.report.InvalidReportException on a row that is not a report row
   */
  public static PageReport read(ReportReader reader) throws IOException {
    ReportReview review = new ReportReview();
    MessageClasses classes = new MessageClasses();
    List<String> problems = reader.read(false, row -> {
      review.accept(row);
      classes.accept(row);
    });
    long unprocessed = reader.readUnprocessed(task -> { });
    return new PageReport(reader, review.summary(TOP), problems, unprocessed, classes.top(TOP), FailedRows.index(reader));
  }

  /** The job's name, for file names: the folder or prefix that holds {@code manifest.json}. */
  public String jobName() {
    String where = reader.manifestLocation();
    String folder = where.substring(0, Math.max(0, where.lastIndexOf('/')));
    String name = folder.substring(folder.lastIndexOf('/') + 1);
    return name.isEmpty() || name.equals(".") ? "report" : name;
  }

  /** The result files, in {@code manifest.json}'s order. */
  public List<ResultFiles.Entry> files() {
    return ResultFiles.of(reader);
  }
}
