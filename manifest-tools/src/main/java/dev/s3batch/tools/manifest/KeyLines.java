package dev.s3batch.tools.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The lines of a key list as UTF-8 bytes, without a {@code String} per line: read in 1 MiB chunks,
 * scanned eight bytes at a time for line ends and non-ASCII bytes (only lines with some are
 * checked by {@link Utf8Check}),
 * ended by LF, CR or CRLF (as {@link java.io.BufferedReader#readLine()} ends them), a leading
 * byte-order mark skipped, every line checked to be UTF-8 (bytes that are not are a
 * {@link ManifestException} naming the line). A line longer than the buffer grows it. Not
 * thread-safe.
 *
 * <pre>{@code
 * KeyLines lines = new KeyLines(in, "keys.txt");
 * while (lines.next()) {
 *   use(lines.bytes(), lines.start(), lines.length());
 * }
 * }</pre>
 */
final class KeyLines {

  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LFS = ONES * '\n';
  private static final long CRS = ONES * '\r';

  private final InputStream in;
  private final String name;
  private byte[] buf = new byte[1 << 20];
  private int pos;
  private int limit;
  private boolean eof;
  private boolean first = true;
  private boolean skipLf;
  private long lines;
  private long newlines;
  private int start;
  private int length;

  KeyLines(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  /**
   * Moves to the next line.
   *
   * @return false at the end of the input
   * @throws ManifestException when the line is not UTF-8
   */
  boolean next() throws IOException {
    while (true) {
      byte[] a = buf;
      int end = limit;
      int i = pos;
      if (skipLf && i < end) {
        skipLf = false;
        if (a[i] == '\n') {
          newlines++;
          pos = ++i;
        }
      }
      long high = 0;
      found:
      {
        for (; i + 8 <= end; i += 8) {
          long word = (long) LONG.get(a, i);
          high |= word;
          long ends = zeroBytes(word ^ LFS) | zeroBytes(word ^ CRS);
          if (ends != 0) {
            i += Long.numberOfTrailingZeros(ends) >>> 3;
            break found;
          }
        }
        for (; i < end; i++) {
          byte b = a[i];
          if (b == '\n' || b == '\r') {
            break;
          }
          high |= b;
        }
      }
      if (i < end) {
        line(pos, i, high);
        if (a[i] == '\n') {
          newlines++;
        } else {
          skipLf = true;
        }
        pos = i + 1;
        return true;
      }
      if (eof) {
        if (i > pos) {
          line(pos, i, high);
          pos = i;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  /** The high bit set in each byte of {@code x} that is zero (exact for the lowest one). */
  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  private void line(int from, int to, long high) {
    lines++;
    if ((high & HIGHS) != 0) {
      int bad = Utf8Check.firstInvalid(buf, from, to);
      if (bad >= 0) {
        throw new ManifestException(name + " line " + (newlines + 1) + ": not valid UTF-8");
      }
    }
    start = from;
    length = to - from;
  }

  /** Reads more, keeping the unfinished line at the start of the buffer. */
  private void fill() throws IOException {
    int kept = limit - pos;
    if (pos == 0 && kept == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    } else {
      System.arraycopy(buf, pos, buf, 0, kept);
    }
    pos = 0;
    limit = kept;
    int n = in.readNBytes(buf, limit, buf.length - limit);
    if (n < buf.length - kept) {
      eof = true;
    }
    limit += n;
    if (first) {
      first = false;
      if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
        pos = 3;
      }
    }
  }

  /** The buffer holding the line (valid until the next call to {@link #next()}). */
  byte[] bytes() {
    return buf;
  }

  /** Where the line starts in {@link #bytes()}. */
  int start() {
    return start;
  }

  /** The line's length in bytes, without its line end. */
  int length() {
    return length;
  }

  /** The line's number, from 1, counting LF, CR and CRLF as line ends. */
  long line() {
    return lines;
  }
}
