package dev.s3batch.handler.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sizes written as bytes ({@code 5368709120}) or with a unit: {@code KiB}, {@code MiB},
 * {@code GiB}, {@code TiB} (powers of 1,024) or {@code KB}, {@code MB}, {@code GB}, {@code TB}
 * (powers of 1,000); case does not matter, a space before the unit is allowed.
 */
public final class ByteSize {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]i?b|b)?");

  private ByteSize() {}

  /**
   * The size in bytes.
   *
   * @param setting the setting's name, for the message
   * @param value the text
   * @throws IllegalArgumentException naming the setting when the text is not a size
   */
  public static long parse(String setting, String value) {
    Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid " + setting + " \"" + value + "\": give bytes or a size such as 64MiB, 5GiB");
    }
    long factor = m.group(2) == null ? 1 : switch (m.group(2)) {
      case "b" -> 1L;
      case "kb" -> 1_000L;
      case "mb" -> 1_000_000L;
      case "gb" -> 1_000_000_000L;
      case "tb" -> 1_000_000_000_000L;
      case "kib" -> 1L << 10;
      case "mib" -> 1L << 20;
      case "gib" -> 1L << 30;
      default -> 1L << 40;
    };
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), factor);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + setting + " \"" + value + "\": too large");
    }
  }
}
