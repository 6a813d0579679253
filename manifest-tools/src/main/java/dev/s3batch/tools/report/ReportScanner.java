package dev.s3batch.tools.report;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The records of a result file as byte ranges in a buffer, without a {@code String} per field:
 * {@code report review} counts most rows from a few of their bytes, so building every field's text
 * (what {@link dev.s3batch.tools.csv.CsvParser} does) was most of its time. It reads the file in
 * 1 MiB chunks and scans eight bytes at a time for the delimiters; a field is decoded only when
 * asked ({@link #string}). It reads exactly what the default {@code CsvParser} reads, with the same
 * line numbers and messages (RFC 4180: quoted fields with commas, doubled quotes and line breaks;
 * records ended by LF, CRLF or CR; empty lines skipped; bytes that are not UTF-8 read as U+FFFD);
 * {@code ReportScannerTest} checks it against the parser. The first {@value #KEPT} fields of a
 * record are kept; more are only counted. Not thread-safe.
 */
final class ReportScanner {

  /** How many fields of a record are kept (a report row has seven). */
  static final int KEPT = 8;

  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long COMMAS = ONES * ',';
  private static final long QUOTES = ONES * '"';
  private static final long LFS = ONES * '\n';
  private static final long CRS = ONES * '\r';
  private static final byte COMMA = ',';
  private static final byte QUOTE = '"';
  private static final byte LF = '\n';
  private static final byte CR = '\r';
  private static final int MORE = -1;

  private final InputStream in;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean pendingCr;
  private long nextLine = 1;
  private long line;
  private final int[] starts = new int[KEPT];
  private final int[] ends = new int[KEPT];
  private int doubledQuotes;
  private int fields;
  private byte[] scratch = new byte[256];

  ReportScanner(InputStream in) {
    this(in, 1 << 20);
  }

  /** A scanner that starts with a buffer of {@code bufferSize} bytes (for tests of buffer boundaries). */
  ReportScanner(InputStream in, int bufferSize) {
    this.in = in;
    this.buf = new byte[bufferSize];
  }

  /**
   * Moves to the next record.
   *
   * @return false at the end of the input
   * @throws ReportScanner.FormatException on a quote left open or text after a closing quote
   */
  boolean next() throws IOException {
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
      int end = record(pos);
      if (end != MORE) {
        pos = end;
        return true;
      }
      fill();
    }
  }

  /** The line number (from 1) where the current record starts. */
  long line() {
    return line;
  }

  /** How many fields the current record has. */
  int fields() {
    return fields;
  }

  /** The buffer that holds the current record's fields (valid until the next {@link #next()}). */
  byte[] bytes() {
    return buf;
  }

  /** Where field {@code i} (below {@link #KEPT}) starts in {@link #bytes()}: its raw bytes, between its quotes if quoted. */
  int start(int i) {
    return starts[i];
  }

  /** Where field {@code i}'s raw bytes end. */
  int end(int i) {
    return ends[i];
  }

  /** True when field {@code i}'s raw bytes are its text: it holds no doubled quote. */
  boolean plain(int i) {
    return (doubledQuotes & (1 << i)) == 0;
  }

  /** Field {@code i}'s text (doubled quotes made single; bytes that are not UTF-8 as U+FFFD). */
  String string(int i) {
    int s = starts[i];
    int e = ends[i];
    if (plain(i)) {
      return new String(buf, s, e - s, StandardCharsets.UTF_8);
    }
    if (scratch.length < e - s) {
      scratch = new byte[Math.max(scratch.length * 2, e - s)];
    }
    int n = 0;
    for (int j = s; j < e; j++) {
      byte b = buf[j];
      scratch[n++] = b;
      if (b == QUOTE) {
        j++; // the second quote of a pair
      }
    }
    return new String(scratch, 0, n, StandardCharsets.UTF_8);
  }

  /** True when field {@code i}'s raw bytes are {@code raw}. */
  boolean rawEquals(int i, byte[] raw) {
    return Arrays.equals(buf, starts[i], ends[i], raw, 0, raw.length);
  }

  /** Field {@code i}'s raw bytes, a copy. */
  byte[] raw(int i) {
    return Arrays.copyOfRange(buf, starts[i], ends[i]);
  }

  /**
   * Scans the record that starts at {@code p}; commits it and returns where the next one starts, or
   * {@link #MORE} when the buffer ends first and more input may follow (nothing committed).
   */
  private int record(int p) throws FormatException {
    byte[] a = buf;
    int lim = limit;
    long lines = nextLine;
    int n = 0;
    int doubled = 0;
    boolean crEnd = false;
    while (true) {
      long fieldLine = lines;
      int s;
      int e;
      byte terminator;
      if (p == lim) {
        if (!eof) {
          return MORE;
        }
        s = p;
        e = p;
        terminator = 0;
      } else if (a[p] == QUOTE) {
        s = ++p;
        while (true) {
          int i = quotedStop(a, p, lim);
          if (i == lim) {
            if (!eof) {
              return MORE;
            }
            throw new FormatException(fieldLine, "a quoted field is not closed before the end of the input");
          }
          byte c = a[i];
          p = i + 1;
          if (c == LF) {
            if (a[i - 1] != CR) { // the byte before the field's first is its opening quote
              lines++;
            }
            continue;
          }
          if (c == CR) {
            lines++;
            continue;
          }
          if (p == lim) {
            if (!eof) {
              return MORE;
            }
            e = i;
            terminator = 0;
            break;
          }
          byte after = a[p];
          if (after == QUOTE) {
            if (n < KEPT) {
              doubled |= 1 << n;
            }
            p++;
            continue;
          }
          if (after == COMMA || after == LF || after == CR) {
            e = i;
            terminator = after;
            p++;
            break;
          }
          throw new FormatException(lines, "text after the closing quote of a field; double the quotes inside a "
              + "quoted field (\"\")");
        }
      } else {
        s = p;
        int i = unquotedStop(a, p, lim);
        if (i == lim) {
          if (!eof) {
            return MORE;
          }
          e = lim;
          terminator = 0;
          p = lim;
        } else {
          e = i;
          terminator = a[i];
          p = i + 1;
        }
      }
      if (n < KEPT) {
        starts[n] = s;
        ends[n] = e;
      }
      n++;
      if (terminator == COMMA) {
        continue;
      }
      if (terminator == LF) {
        lines++;
      } else if (terminator == CR) {
        lines++;
        crEnd = true;
      }
      break;
    }
    fields = n;
    doubledQuotes = doubled;
    nextLine = lines;
    pendingCr = crEnd;
    return p;
  }

  /** The index of the first comma, LF or CR from {@code i}, or {@code end}. */
  private static int unquotedStop(byte[] a, int i, int end) {
    for (; i + 8 <= end; i += 8) {
      long w = (long) LONG.get(a, i);
      long hit = zeroBytes(w ^ COMMAS) | zeroBytes(w ^ LFS) | zeroBytes(w ^ CRS);
      if (hit != 0) {
        return i + (Long.numberOfTrailingZeros(hit) >>> 3);
      }
    }
    for (; i < end; i++) {
      byte b = a[i];
      if (b == COMMA || b == LF || b == CR) {
        return i;
      }
    }
    return end;
  }

  /** The index of the first quote, LF or CR from {@code i}, or {@code end}. */
  private static int quotedStop(byte[] a, int i, int end) {
    for (; i + 8 <= end; i += 8) {
      long w = (long) LONG.get(a, i);
      long hit = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ LFS) | zeroBytes(w ^ CRS);
      if (hit != 0) {
        return i + (Long.numberOfTrailingZeros(hit) >>> 3);
      }
    }
    for (; i < end; i++) {
      byte b = a[i];
      if (b == QUOTE || b == LF || b == CR) {
        return i;
      }
    }
    return end;
  }

  /** The high bit set in each byte of {@code x} that is zero (exact for the lowest one). */
  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  /** Reads more, keeping the unfinished record at the start of the buffer (grown when it fills it). */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int kept = limit - pos;
    if (pos == 0 && kept == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    } else if (kept > 0) {
      System.arraycopy(buf, pos, buf, 0, kept);
    }
    pos = 0;
    limit = kept;
    int wanted = buf.length - kept;
    int n = in.readNBytes(buf, kept, wanted);
    if (n < wanted) {
      eof = true;
    }
    limit += n;
    return n > 0;
  }

  /** A record that RFC 4180 cannot read; {@link #line} names the line. */
  static final class FormatException extends IOException {
    final long line;
    final String problem;

    FormatException(long line, String problem) {
      super("line " + line + ": " + problem);
      this.line = line;
      this.problem = problem;
    }
  }
}
