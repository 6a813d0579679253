package dev.s3batch.tools.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming RFC 4180 CSV parser that works on bytes: delimiters are ASCII, so UTF-8 text
 * needs no decoding until a field is complete. Quoted fields may hold commas, doubled quotes and
 * CR/LF; records end with LF, CRLF or CR. Zero-length lines are skipped. A quote left open or text
 * after a closing quote is a {@link CsvFormatException} naming the line. Not thread-safe.
 *
 * <p>A {@link #strict(InputStream) strict} parser (for files people write by hand) also refuses bytes that are not
 * UTF-8 and a quote inside an unquoted field, naming the line; the default one reads bytes that
 * are not UTF-8 as U+FFFD and a stray quote as text.
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
  private final boolean strict;
  private final byte[] buf;
  private int pos;
  private int limit;
  private byte[] field = new byte[256];
  private int fieldLength;
  private int terminator;
  private boolean pendingCr;
  private long nextLine = 1;
  private long line;
  private long fieldLine;
  private CharsetDecoder utf8;

  /** A parser of {@code in}, which it closes on {@link #close()}. */
  public CsvParser(InputStream in) {
    this(in, 1 << 16, false);
  }

  /** A parser with a read buffer of {@code bufferSize} bytes (for tests of buffer boundaries). */
  public CsvParser(InputStream in, int bufferSize) {
    this(in, bufferSize, false);
  }

  private CsvParser(InputStream in, int bufferSize, boolean strict) {
    this.in = in;
    this.buf = new byte[bufferSize];
    this.strict = strict;
  }

  /**
   * A parser of {@code in} that also fails on bytes that are not UTF-8 ({@code line N: not valid
   * UTF-8}, N the line they are on) and on a quote inside an unquoted field.
   */
  public static CsvParser strict(InputStream in) {
    return new CsvParser(in, 1 << 16, true);
  }

  /** A strict parser with a read buffer of {@code bufferSize} bytes (for tests of buffer boundaries). */
  public static CsvParser strict(InputStream in, int bufferSize) {
    return new CsvParser(in, bufferSize, true);
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
      fieldLine = nextLine;
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
        return strict ? strictUnquoted(b, start, i - start) : new String(b, start, i - start, StandardCharsets.UTF_8);
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
          return unquotedFieldString();
        }
      }
      append(buf, start, lim - start);
      pos = lim;
    }
    terminator = EOF;
    return unquotedFieldString();
  }

  private String unquotedFieldString() throws CsvFormatException {
    return strict ? strictUnquoted(field, 0, fieldLength) : fieldString();
  }

  /** A quoted field, {@code pos} just after its opening quote. */
  private String quoted() throws IOException {
    fieldLength = 0;
    boolean previousCr = false;
    while (true) {
      if (pos == limit && !fill()) {
        throw new CsvFormatException(fieldLine, "a quoted field is not closed before the end of the input");
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
      throw new CsvFormatException(nextLine, "text after the closing quote of a field; double the quotes inside a "
          + "quoted field (\"\")");
    }
  }

  private String fieldString() throws CsvFormatException {
    return strict ? decode(field, 0, fieldLength) : new String(field, 0, fieldLength, StandardCharsets.UTF_8);
  }

  /** A strict parser's unquoted field: no quote in it, UTF-8. */
  private String strictUnquoted(byte[] b, int offset, int length) throws CsvFormatException {
    for (int i = offset; i < offset + length; i++) {
      if (b[i] == QUOTE) {
        throw new CsvFormatException(fieldLine, "a quote inside an unquoted field; quote the whole field and double "
            + "the quotes in it, as in \"my \"\"quoted\"\" key\"");
      }
    }
    return decode(b, offset, length);
  }

  /** A strict parser's field text, failing on bytes that are not UTF-8 with the line they are on. */
  private String decode(byte[] b, int offset, int length) throws CsvFormatException {
    int i = offset;
    while (i < offset + length && b[i] >= 0) {
      i++;
    }
    if (i == offset + length) {
      return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }
    if (utf8 == null) {
      utf8 = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
    ByteBuffer bytes = ByteBuffer.wrap(b, offset, length);
    try {
      return utf8.reset().decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new CsvFormatException(fieldLine + lineBreaks(b, offset, bytes.position()), "not valid UTF-8");
    }
  }

  /** How many line breaks (LF, CRLF or CR) the bytes from {@code offset} to {@code end} hold. */
  private static long lineBreaks(byte[] b, int offset, int end) {
    long n = 0;
    for (int i = offset; i < end; i++) {
      if (b[i] == LF ? i == offset || b[i - 1] != CR : b[i] == CR) {
        n++;
      }
    }
    return n;
  }

  private void append(byte[] from, int offset, int length) {
    if (fieldLength + length > field.length) {
      field = Arrays.copyOf(field, Math.max(field.length * 2, fieldLength + length));
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
