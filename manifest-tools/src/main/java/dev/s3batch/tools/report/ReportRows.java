package dev.s3batch.tools.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the records of result files ({@link ReportScanner}) into {@link ReportRow}s, or counts them
 * into a {@link ReportReview} straight from their bytes. Fields that repeat from row to row (bucket,
 * version id, status, HTTP status, error code, message) are decoded once and reused while their bytes
 * stay the same; a review builds a row only for a failed task, and counts a succeeded one by its
 * status, HTTP status and error code bytes alone, without a {@code String}. One instance per read of
 * a report (its caches span the result files). Not thread-safe.
 */
final class ReportRows {

  private static final int FIELDS = 7;
  private static final int CACHED_BYTES = 512;
  private static final int MAX_KINDS = 64;

  /** A kind of row: its status, HTTP status and error code bytes, and what the review counts them in. */
  private record Kind(byte[] status, boolean statusPlain, byte[] fifth, boolean fifthPlain, byte[] sixth,
      boolean sixthPlain, ReportReview.Tally tally) {}

  private final int bufferSize;
  private final byte[][] lastRaw = new byte[FIELDS][];
  private final boolean[] lastPlain = new boolean[FIELDS];
  private final String[] lastText = new String[FIELDS];
  private final List<Kind> kinds = new ArrayList<>();
  private ReportReview kindsOf;
  private Kind lastKind;

  ReportRows() {
    this(1 << 20);
  }

  /** Rows read through a buffer of {@code bufferSize} bytes at first (for tests of buffer boundaries). */
  ReportRows(int bufferSize) {
    this.bufferSize = bufferSize;
  }

  /** Hands every row of one result file to {@code rows}; {@code where} names the file in messages. */
  void rows(InputStream in, String where, Consumer<ReportRow> rows) throws IOException {
    ReportScanner s = new ReportScanner(in, bufferSize);
    try {
      while (s.next()) {
        check(s, where);
        rows.accept(row(s));
      }
    } catch (ReportScanner.FormatException e) {
      throw invalid(where, e);
    }
  }

  /**
   * Counts every row of one result file into {@code review}, as {@code review.accept(row)} would, and
   * hands the failed tasks' rows to {@code failed} too.
   */
  void review(InputStream in, String where, ReportReview review, Consumer<ReportRow> failed) throws IOException {
    if (kindsOf != review) {
      kinds.clear();
      lastKind = null;
      kindsOf = review;
    }
    ReportScanner s = new ReportScanner(in, bufferSize);
    try {
      while (s.next()) {
        check(s, where);
        Kind k = kind(s, review);
        if (k != null && !k.tally().failed()) {
          review.count(k.tally());
          continue;
        }
        ReportRow row = row(s);
        if (k != null) {
          review.countFailed(k.tally(), row);
        } else {
          review.accept(row);
        }
        if (row.failed()) {
          failed.accept(row);
        }
      }
    } catch (ReportScanner.FormatException e) {
      throw invalid(where, e);
    }
  }

  private static void check(ReportScanner s, String where) {
    if (s.fields() != FIELDS) {
      throw new InvalidReportException(where + ":" + s.line() + ": a report row has 7 fields; this one has " + s.fields());
    }
  }

  private static InvalidReportException invalid(String where, ReportScanner.FormatException e) {
    return new InvalidReportException(where + ":" + e.line + ": " + e.problem);
  }

  /** The row's kind, or null past {@value #MAX_KINDS} kinds (then its row is built and counted as such). */
  private Kind kind(ReportScanner s, ReportReview review) {
    if (lastKind != null && matches(lastKind, s)) {
      return lastKind;
    }
    for (Kind k : kinds) {
      if (matches(k, s)) {
        lastKind = k;
        return k;
      }
    }
    if (kinds.size() == MAX_KINDS) {
      return null;
    }
    String status = text(s, 3);
    String fifth = text(s, 4);
    String sixth = text(s, 5);
    boolean documentedOrder = !isNumber(fifth) && isNumber(sixth);
    ReportReview.Tally tally = documentedOrder ? review.tally(status, sixth, fifth) : review.tally(status, fifth, sixth);
    Kind k = new Kind(s.raw(3), s.plain(3), s.raw(4), s.plain(4), s.raw(5), s.plain(5), tally);
    kinds.add(k);
    lastKind = k;
    return k;
  }

  private static boolean matches(Kind k, ReportScanner s) {
    return k.statusPlain() == s.plain(3) && k.fifthPlain() == s.plain(4) && k.sixthPlain() == s.plain(5)
        && s.rawEquals(3, k.status()) && s.rawEquals(4, k.fifth()) && s.rawEquals(5, k.sixth());
  }

  private ReportRow row(ReportScanner s) {
    String fifth = text(s, 4);
    String sixth = text(s, 5);
    boolean documentedOrder = !isNumber(fifth) && isNumber(sixth);
    return new ReportRow(text(s, 0), s.string(1), text(s, 2), text(s, 3), documentedOrder ? sixth : fifth,
        documentedOrder ? fifth : sixth, text(s, 6));
  }

  /** Field {@code i}'s text, the same {@code String} as last time when its bytes are the same. */
  private String text(ReportScanner s, int i) {
    byte[] raw = lastRaw[i];
    if (raw != null && lastPlain[i] == s.plain(i) && s.rawEquals(i, raw)) {
      return lastText[i];
    }
    String text = s.string(i);
    if (s.end(i) - s.start(i) <= CACHED_BYTES) {
      lastRaw[i] = s.raw(i);
      lastPlain[i] = s.plain(i);
      lastText[i] = text;
    }
    return text;
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
