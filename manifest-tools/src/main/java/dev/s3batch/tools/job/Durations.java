package dev.s3batch.tools.job;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations of {@code --interval} and {@code --timeout}: {@code 500ms}, {@code 2s}, {@code 5m}, {@code 2h}, or seconds. */
public final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

  private Durations() {}

  /** The duration, more than zero. */
  public static Duration parse(String option, String value) {
    Matcher m = DURATION.matcher(value == null ? "" : value.trim());
    if (!m.matches()) {
      throw new JobInputException(option + " \"" + value + "\" is not a duration such as 500ms, 2s, 5m or 2h");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> amount;
      case "s" -> amount * 1_000;
      case "m" -> amount * 60_000;
      default -> amount * 3_600_000;
    };
    if (millis < 1) {
      throw new JobInputException(option + " \"" + value + "\" must be at least 1ms");
    }
    return Duration.ofMillis((long) millis);
  }
}
