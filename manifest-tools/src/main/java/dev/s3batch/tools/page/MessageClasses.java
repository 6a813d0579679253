package dev.s3batch.tools.page;

import dev.s3batch.tools.report.ReportRow;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts failed rows by message class: a failure message without its particulars, so that
 * {@code S3 error NoSuchKey (HTTP 404, request id 4F2...)} on a million keys is one bar of the
 * page's chart, not a million. A class is the message up to its first {@code (} or {@code :},
 * each number shown as {@code #} (digits after a letter, as in {@code S3}, are kept), at most {@value #MAX_LENGTH} characters. At most {@value #CAPACITY}
 * classes are kept; rows of any further class are counted as {@value #OTHER}. Not thread-safe.
 */
final class MessageClasses implements Consumer<ReportRow> {

  static final int CAPACITY = 1000;
  static final int MAX_LENGTH = 100;
  static final String OTHER = "(other classes)";

  private final Map<String, long[]> counts = new HashMap<>();

  @Override
  public void accept(ReportRow row) {
    if (!row.failed()) {
      return;
    }
    String c = classOf(row.resultMessage());
    long[] n = counts.get(c);
    if (n == null) {
      n = counts.computeIfAbsent(counts.size() < CAPACITY ? c : OTHER, k -> new long[1]);
    }
    n[0]++;
  }

  /** The class of a failure message. */
  static String classOf(String message) {
    StringBuilder sb = new StringBuilder(Math.min(message.length(), MAX_LENGTH));
    for (int i = 0; i < message.length() && sb.length() < MAX_LENGTH; i++) {
      char c = message.charAt(i);
      if (c == '(' || c == ':') {
        break;
      }
      boolean number = c >= '0' && c <= '9' && (i == 0 || !Character.isLetter(message.charAt(i - 1)));
      if (number) {
        while (i + 1 < message.length() && Character.isDigit(message.charAt(i + 1))) {
          i++;
        }
      }
      sb.append(number ? '#' : c);
    }
    String s = sb.toString().strip();
    return s.isEmpty() ? "(no message)" : s;
  }

  /** The {@code n} largest classes, largest first. */
  Map<String, Long> top(int n) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey))
        .limit(n)
        .forEach(e -> out.put(e.getKey(), e.getValue()[0]));
    return out;
  }
}
