package dev.s3batch.tools.manifest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time without keeping earlier records: fields separated by
 * commas, records by LF or CRLF, a field in double quotes may hold commas, quotes (doubled) and
 * line breaks. Empty lines are skipped. A quote inside an unquoted field, text after a closing
 * quote, or a quote left open are errors naming the line. Not thread-safe.
 *
 * <pre>{@code
 * try (CsvRecordReader csv = new CsvRecordReader(reader, "rows.csv")) {
 *   while (csv.next()) {
 *     List<String> fields = csv.fields(); // valid until the next call
 *   }
 * }
 * }</pre>
 */
public final class CsvRecordReader implements Closeable {

  private final Reader in;
  private final String name;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private final StringBuilder field = new StringBuilder(256);
  private final List<String> fields = new ArrayList<>(4);
  private long line = 1;
  private long recordLine;

  /**
   * @param in the CSV text
   * @param name the input's name, for messages
   */
  public CsvRecordReader(Reader in, String name) {
    this.in = in;
    this.name = name;
  }

  /** Reads the next record; false at the end of the input. */
  public boolean next() throws IOException {
    fields.clear();
    int c;
    do {
      c = read();
      if (c == '\r' && peek() == '\n') {
        c = read();
      }
      if (c == '\n' || c == '\r') {
        line++;
      }
    } while (c == '\n' || c == '\r');
    if (c == -1) {
      return false;
    }
    recordLine = line;
    while (true) {
      c = c == '"' ? quoted() : unquoted(c);
      fields.add(field.toString());
      if (c != ',') {
        break;
      }
      c = read();
    }
    if (c == '\r' && peek() == '\n') {
      read();
    }
    if (c != -1) {
      line++;
    }
    return true;
  }

  /** The fields of the current record; the list is reused by {@link #next()}. */
  public List<String> fields() {
    return fields;
  }

  /** The line the current record starts on, from 1. */
  public long line() {
    return recordLine;
  }

  /** The input's name. */
  public String name() {
    return name;
  }

  private int unquoted(int first) throws IOException {
    field.setLength(0);
    int c = first;
    while (c != ',' && c != '\n' && c != '\r' && c != -1) {
      if (c == '"') {
        throw new ManifestException(
            name + " line " + line + ": a quote inside an unquoted field; quote the whole field and "
                + "double the quotes in it, as in \"my \"\"quoted\"\" key\"");
      }
      field.append((char) c);
      c = read();
    }
    return c;
  }

  private int quoted() throws IOException {
    field.setLength(0);
    long start = line;
    while (true) {
      int c = read();
      if (c == -1) {
        throw new ManifestException(
            name + " line " + start + ": a quoted field is not closed before the end of the input");
      }
      if (c == '"') {
        c = read();
        if (c != '"') {
          if (c != ',' && c != '\n' && c != '\r' && c != -1) {
            throw new ManifestException(
                name + " line " + line + ": text after the closing quote of a field; double the "
                    + "quotes inside a quoted field (\"\")");
          }
          return c;
        }
      } else if (c == '\n') {
        line++;
      }
      field.append((char) c);
    }
  }

  private int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
