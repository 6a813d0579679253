package dev.s3batch.tools.report;

import dev.s3batch.handler.internal.KeyDecoder;
import dev.s3batch.handler.internal.KeyDecoding;
import dev.s3batch.handler.internal.MalformedKeyException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Aggregates the rows of a completion report in constant memory: totals by task status, by
 * error code and HTTP status, and the most frequent failure messages (each with an example key,
 * decoded). Feed it rows ({@link #accept}), then read {@link #summary}. Not thread-safe.
 *
 * <pre>{@code
 * ReportReview review = new ReportReview();
 * List<String> problems = ReportReader.open(location, () -> s3).read(false, review);
 * ReportReview.Summary summary = review.summary(10);
 * }</pre>
 */
public final class ReportReview implements Consumer<ReportRow> {

  /** How many distinct failure messages are counted (see {@link TopMessages}). */
  public static final int MESSAGE_CAPACITY = 10_000;

  private long total;
  private long failed;
  private final Map<String, long[]> byStatus = new HashMap<>();
  private final Map<String, Map<String, long[]>> byErrorCode = new HashMap<>();
  private final TopMessages messages = new TopMessages(MESSAGE_CAPACITY);

  /**
   * The aggregates.
   *
   * @param total rows read
   * @param failed failed rows
   * @param byStatus rows by TaskStatus
   * @param byErrorCode rows by {@code ErrorCode/HTTPStatusCode} ({@code -} for an empty error code)
   * @param topFailureMessages the most frequent failure messages, example keys decoded
   */
  public record Summary(
      long total, long failed, Map<String, Long> byStatus, Map<String, Long> byErrorCode,
      List<TopMessages.Entry> topFailureMessages) {
    public Summary {
      byStatus = Map.copyOf(byStatus);
      byErrorCode = Map.copyOf(byErrorCode);
      topFailureMessages = List.copyOf(topFailureMessages);
    }
  }

  @Override
  public void accept(ReportRow row) {
    total++;
    byStatus.computeIfAbsent(row.taskStatus(), k -> new long[1])[0]++;
    byErrorCode.computeIfAbsent(row.errorCode(), k -> new HashMap<>())
        .computeIfAbsent(row.httpStatusCode(), k -> new long[1])[0]++;
    if (row.failed()) {
      failed++;
      messages.add(row.resultMessage(), row.key());
    }
  }

  /**
   * The counters that the rows of one kind (a status, an HTTP status and an error code) add to, so a
   * reader can count a row it has not decoded ({@link #count}).
   */
  static final class Tally {
    private final long[] status;
    private final long[] error;
    private final boolean failed;

    private Tally(long[] status, long[] error, boolean failed) {
      this.status = status;
      this.error = error;
      this.failed = failed;
    }

    /** True for the rows of a failed task (whose messages are counted: they need {@link #accept}). */
    boolean failed() {
      return failed;
    }
  }

  /** The counters of the rows with this status, HTTP status and error code. */
  Tally tally(String taskStatus, String httpStatusCode, String errorCode) {
    return new Tally(byStatus.computeIfAbsent(taskStatus, k -> new long[1]),
        byErrorCode.computeIfAbsent(errorCode, k -> new HashMap<>()).computeIfAbsent(httpStatusCode, k -> new long[1]),
        !ReportRow.SUCCEEDED.equals(taskStatus));
  }

  /** Counts one row of a succeeded task, of {@code tally}'s kind: as {@link #accept} would. */
  void count(Tally tally) {
    if (tally.failed) {
      throw new IllegalArgumentException("a failed task's row is counted by accept(row), with its message");
    }
    total++;
    tally.status[0]++;
    tally.error[0]++;
  }

  /**
   * Counts one row of a failed task, of {@code tally}'s kind, with its message: as {@link #accept}
   * would, without looking its counters up again.
   */
  void countFailed(Tally tally, ReportRow row) {
    if (!tally.failed) {
      throw new IllegalArgumentException("a succeeded task's row is counted by count(tally)");
    }
    total++;
    tally.status[0]++;
    tally.error[0]++;
    failed++;
    messages.add(row.resultMessage(), row.key());
  }

  /** The aggregates, with the {@code topN} most frequent failure messages. */
  public Summary summary(int topN) {
    List<TopMessages.Entry> top =
        messages.top(topN).stream()
            .map(e -> new TopMessages.Entry(e.message(), e.count(), e.error(), decoded(e.exampleKey())))
            .toList();
    Map<String, Long> status = new TreeMap<>();
    byStatus.forEach((k, v) -> status.put(k, v[0]));
    Map<String, Long> errors = new TreeMap<>();
    byErrorCode.forEach((code, byHttp) ->
        byHttp.forEach((http, v) -> errors.put((code.isEmpty() ? "-" : code) + "/" + http, v[0])));
    return new Summary(total, failed, status, errors, top);
  }

  /** The key as the function decodes it (plus as space); the raw key when it does not decode. */
  public static String decoded(String encodedKey) {
    try {
      return KeyDecoder.decode(encodedKey, KeyDecoding.PLUS_AS_SPACE);
    } catch (MalformedKeyException | RuntimeException e) {
      return encodedKey;
    }
  }
}
