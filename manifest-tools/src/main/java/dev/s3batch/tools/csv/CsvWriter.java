package dev.s3batch.tools.csv;

/**
 * Writes CSV fields as AWS writes them in completion reports (RFC 4180): a field is quoted only
 * when it holds a comma, a quote, CR or LF, and quotes inside are doubled. Thread-safe (stateless).
 *
 * <pre>{@code
 * StringBuilder sb = new StringBuilder();
 * CsvWriter.field(sb, "say \"hi\"");   // "say ""hi"""
 * }</pre>
 */
public final class CsvWriter {

  private CsvWriter() {}

  /** Appends {@code value} as one CSV field (without a separator). */
  public static void field(StringBuilder out, String value) {
    if (!needsQuotes(value)) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  /** Appends the fields separated by commas, then LF. */
  public static void record(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      field(out, fields[i]);
    }
    out.append('\n');
  }

  /** True when the field must be quoted: it holds a comma, a quote, CR or LF. */
  public static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
