package dev.s3batch.tools.manifest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the values of filter options: sizes such as {@code 500}, {@code 10KB}, {@code 1MiB},
 * {@code 2.5GB} (KB, MB, GB, TB are powers of 1000; KiB, MiB, GiB, TiB of 1024; B or nothing is
 * bytes) and times such as {@code 2024-01-01} (midnight UTC) or {@code 2024-01-01T12:30:00Z}.
 */
public final class Sizes {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b|[kmgt]|b)?", Pattern.CASE_INSENSITIVE);

  private Sizes() {}

  /**
   * The size in bytes.
   *
   * @throws ManifestException naming {@code option} when the text is not a size
   */
  public static long parse(String text, String option) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new ManifestException(
          option + " \"" + text + "\" is not a size: give bytes or a number with B, KB, MB, GB, TB, KiB, MiB, GiB or TiB");
    }
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    double factor =
        switch (unit) {
          case "b" -> 1;
          case "k", "kb" -> 1e3;
          case "m", "mb" -> 1e6;
          case "g", "gb" -> 1e9;
          case "t", "tb" -> 1e12;
          case "kib" -> 1024.0;
          case "mib" -> 1024.0 * 1024;
          case "gib" -> 1024.0 * 1024 * 1024;
          default -> 1024.0 * 1024 * 1024 * 1024;
        };
    return Math.round(Double.parseDouble(m.group(1)) * factor);
  }

  /**
   * The instant a date ({@code 2024-01-01}, midnight UTC) or an ISO-8601 date-time with offset
   * names.
   *
   * @throws ManifestException naming {@code option} when the text is neither
   */
  public static Instant parseTime(String text, String option) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw new ManifestException(
          option + " \"" + text + "\" is not a date (2024-01-31) or date-time (2024-01-31T12:00:00Z)");
    }
  }
}
