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

  private static final byte COMMA = ',';
  private static final byte QUOTE = '"';
  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final int EOF = -1;

  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int limit;
  private byte[] field = new byte[256];
  private int fieldLength;
  private int terminator;
  private boolean pendingCr;
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
    while (true) {
      if (pos == limit && !fill()) {
        return false;
      }
      byte c = buf[pos];
      if (c == LF) {
        pos++;
        if (!pendingCr) {
          nextLine++;
        }
        pendingCr = false;
      } else if (c == CR) {
        pos++;
        nextLine++;
        pendingCr = true;
      } else {
        pendingCr = false;
        break;
      }
    }
    line = nextLine;
    while (true) {
      if (pos == limit && !fill()) {
        fields.add("");
        return true;
      }
      if (buf[pos] == QUOTE) {
        pos++;
        fields.add(quoted());
      } else {
        fields.add(unquoted());
      }
      if (terminator == COMMA) {
        continue;
      }
      if (terminator == LF) {
        nextLine++;
      } else if (terminator == CR) {
        nextLine++;
        pendingCr = true;
      }
      return true;
    }
  }

  /** The line number (from 1) where the record last returned by {@link #next} starts. */
  public long line() {
    return line;
  }

  /** An unquoted field from {@code pos}: straight from the buffer unless it crosses a buffer's end. */
  private String unquoted() throws IOException {
    byte[] b = buf;
    int start = pos;
    int lim = limit;
    for (int i = start; i < lim; i++) {
      byte c = b[i];
      if (c == COMMA || c == LF || c == CR) {
        pos = i + 1;
        terminator = c;
        return new String(b, start, i - start, StandardCharsets.UTF_8);
      }
    }
    fieldLength = 0;
    append(b, start, lim - start);
    pos = lim;
    while (fill()) {
      start = pos;
      lim = limit;
      for (int i = start; i < lim; i++) {
        byte c = buf[i];
        if (c == COMMA || c == LF || c == CR) {
          append(buf, start, i - start);
          pos = i + 1;
          terminator = c;
          return fieldString();
        }
      }
      append(buf, start, lim - start);
      pos = lim;
    }
    terminator = EOF;
    return fieldString();
  }

  /** A quoted field, {@code pos} just after its opening quote. */
  private String quoted() throws IOException {
    fieldLength = 0;
    boolean previousCr = false;
    while (true) {
      if (pos == limit && !fill()) {
        throw new CsvFormatException(line, "a quoted field is not closed before the end of the input");
      }
      byte[] b = buf;
      int start = pos;
      int lim = limit;
      int i = start;
      for (; i < lim; i++) {
        byte c = b[i];
        if (c == QUOTE) {
          break;
        }
        if (c == LF) {
          if (!previousCr) {
            nextLine++;
          }
          previousCr = false;
        } else {
          previousCr = c == CR;
          if (previousCr) {
            nextLine++;
          }
        }
      }
      append(b, start, i - start);
      pos = i;
      if (i == lim) {
        continue;
      }
      pos++;
      if (pos == limit && !fill()) {
        terminator = EOF;
        return fieldString();
      }
      byte after = buf[pos];
      if (after == QUOTE) {
        append(buf, pos, 1);
        pos++;
        previousCr = false;
        continue;
      }
      if (after == COMMA || after == LF || after == CR) {
        pos++;
        terminator = after;
        return fieldString();
      }
      throw new CsvFormatException(line, "unexpected character '" + (char) (after & 0xFF) + "' after a closing quote");
    }
  }

  private String fieldString() {
    return new String(field, 0, fieldLength, StandardCharsets.UTF_8);
  }

  private void append(byte[] from, int offset, int length) {
    if (fieldLength + length > field.length) {
      field = java.util.Arrays.copyOf(field, Math.max(field.length * 2, fieldLength + length));
    }
    System.arraycopy(from, offset, field, fieldLength, length);
    fieldLength += length;
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
