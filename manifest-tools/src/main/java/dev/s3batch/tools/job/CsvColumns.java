package dev.s3batch.tools.job;

/** Counts the columns of one CSV line (RFC 4180: commas inside double quotes do not split). */
final class CsvColumns {

  private CsvColumns() {}

  static int count(String line) {
    int columns = 1;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        columns++;
      }
    }
    return columns;
  }
}
