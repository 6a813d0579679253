package dev.s3batch.tools.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly and, on bytes that are not UTF-8, throws a {@link ManifestException}
 * naming the input and the line they are on, however far a buffered reader above has read ahead.
 * Not thread-safe.
 */
final class StrictUtf8Reader extends Reader {

  private final InputStream in;
  private final String name;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private long newlines;
  private boolean eof;

  StrictUtf8Reader(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off) {
      if (!bytes.hasRemaining() || !eof && bytes.remaining() < 4) {
        fill();
      }
      int start = bytes.position();
      CoderResult result = decoder.decode(bytes, out, eof);
      count(start, bytes.position());
      if (result.isError()) {
        throw new ManifestException(name + " line " + (newlines + 1) + ": not valid UTF-8");
      }
      if (eof && !bytes.hasRemaining()) {
        if (decoder.flush(out).isError()) {
          throw new ManifestException(name + " line " + (newlines + 1) + ": not valid UTF-8");
        }
        break;
      }
    }
    int n = out.position() - off;
    return n == 0 && eof ? -1 : n;
  }

  private void fill() throws IOException {
    if (eof) {
      return;
    }
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void count(int from, int to) {
    byte[] a = bytes.array();
    for (int i = from; i < to; i++) {
      if (a[i] == '\n') {
        newlines++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
