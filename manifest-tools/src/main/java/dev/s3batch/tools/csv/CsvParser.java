package dev.s3batch.tools.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A streaming RFC 4180 CSV parser that works on bytes: delimiters are ASCII, so UTF-8 text
 * needs no decoding until a field is complete. Quoted fields may hold commas, doubled quotes and
 * CR/LF; records end with LF, CRLF or CR. Zero-length lines are skipped. Not thread-safe.
 *
 * <pre>{@code
 * try (CsvParser csv = new CsvParser(in)) {
 *   List<String> row = new ArrayList<>();
 *   while (csv.next(row)) { ... row.get(0) ... csv.line() ... }
 * }
 * }</pre>
 */
public final class CsvParser implements Closeable {

  private static final int COMMA = ',';
  private static final int QUOTE = '"';
  private static final int CR = '\r';
  private static final int LF = '\n';

  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int limit;
  private byte[] field = new byte[256];
  private int fieldLength;
  private long nextLine = 1;
  private long line;

  /** A parser of {@code in}, which it closes on {@link #close()}. */
  public CsvParser(InputStream in) {
    this(in, 1 << 16);
  }

  /** A parser with a read buffer of {@code bufferSize} bytes (for tests of buffer boundaries). */
  public CsvParser(InputStream in, int bufferSize) {
    this.in = in;
    this.buf = new byte[bufferSize];
  }

  /**
   * Reads the next record.
   *
   * @param fields cleared, then filled with the record's fields
   * @return false at the end of the input
   * @throws CsvFormatException on a quote left open or text after a closing quote
   */
  public boolean next(List<String> fields) throws IOException {
    fields.clear();
    int b;
    do {
      line = nextLine;
      b = read();
      if (b == -1) {
        return false;
      }
      if (b == LF || b == CR) {
        endOfLine(b);
      }
    } while (b == LF || b == CR);
    while (true) {
      fieldLength = 0;
      if (b == QUOTE) {
        b = quoted();
      } else {
        while (b != COMMA && b != LF && b != CR && b != -1) {
          append(b);
          b = read();
        }
      }
      fields.add(new String(field, 0, fieldLength, StandardCharsets.UTF_8));
      if (b == COMMA) {
        b = read();
        continue;
      }
      if (b != -1) {
        endOfLine(b);
      }
      return true;
    }
  }

  /** The line number (from 1) where the record last returned by {@link #next} starts. */
  public long line() {
    return line;
  }

  private int quoted() throws IOException {
    while (true) {
      int b = read();
      if (b == -1) {
        throw new CsvFormatException(line, "a quoted field is not closed before the end of the input");
      }
      if (b == QUOTE) {
        b = read();
        if (b == QUOTE) {
          append(QUOTE);
          continue;
        }
        if (b == COMMA || b == LF || b == CR || b == -1) {
          return b;
        }
        throw new CsvFormatException(line, "unexpected character '" + (char) b + "' after a closing quote");
      }
      if (b == LF || (b == CR && peek() != LF)) {
        nextLine++;
      }
      append(b);
    }
  }

  private void endOfLine(int b) throws IOException {
    if (b == CR && peek() == LF) {
      pos++;
    }
    nextLine++;
  }

  private void append(int b) {
    if (fieldLength == field.length) {
      field = java.util.Arrays.copyOf(field, field.length * 2);
    }
    field[fieldLength++] = (byte) b;
  }

  private int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xFF;
  }

  private int peek() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos] & 0xFF;
  }

  private boolean fill() throws IOException {
    int n = in.readNBytes(buf, 0, buf.length);
    pos = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
