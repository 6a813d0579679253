package dev.s3batch.handler.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * URL-decodes task keys to UTF-8. Unlike {@link java.net.URLDecoder} it names the raw key and the
 * position of any fault (a bare {@code %}, {@code %zz}, bytes that are not UTF-8) and it can keep
 * {@code +} as is. Thread-safe and stateless.
 *
 * <pre>{@code
 * KeyDecoder.decode("my%20photo+1.jpg", KeyDecoding.PLUS_AS_SPACE); // "my photo 1.jpg"
 * KeyDecoder.decode("a+b%2Bc", KeyDecoding.PERCENT_ONLY);          // "a+b+c"
 * }</pre>
 */
public final class KeyDecoder {

  private KeyDecoder() {}

  /** Decodes one key. */
  public static String decode(String raw, KeyDecoding decoding) throws MalformedKeyException {
    boolean plus = decoding == KeyDecoding.PLUS_AS_SPACE;
    int first = firstSpecial(raw, plus);
    if (first < 0) {
      return raw;
    }
    int n = raw.length();
    byte[] bytes = new byte[n * 3];
    int[] origin = new int[n * 3];
    int len = 0;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 1 < n ? hex(raw.charAt(i + 1)) : -1;
        int lo = i + 2 < n ? hex(raw.charAt(i + 2)) : -1;
        if (hi < 0 || lo < 0) {
          String seen = raw.substring(i, Math.min(n, i + 3));
          throw new MalformedKeyException(
              "malformed key \"" + raw + "\": \"" + seen + "\" at position " + i
                  + " is not a %XX escape with two hex digits");
        }
        origin[len] = i;
        bytes[len++] = (byte) ((hi << 4) | lo);
        i += 2;
      } else if (c == '+' && plus) {
        origin[len] = i;
        bytes[len++] = ' ';
      } else if (c < 0x80) {
        origin[len] = i;
        bytes[len++] = (byte) c;
      } else {
        int cp = raw.codePointAt(i);
        int start = i;
        if (Character.isSurrogate(c) && !Character.isSupplementaryCodePoint(cp)) {
          throw new MalformedKeyException(
              "malformed key \"" + raw + "\": a lone UTF-16 surrogate at position " + i);
        }
        if (Character.isSupplementaryCodePoint(cp)) {
          i++;
        }
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
          origin[len] = start;
          bytes[len++] = b;
        }
      }
    }
    return utf8(raw, bytes, origin, len);
  }

  private static String utf8(String raw, byte[] bytes, int[] origin, int len) throws MalformedKeyException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, len);
    CharBuffer out = CharBuffer.allocate(len);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = origin[in.position()];
      throw new MalformedKeyException(
          "malformed key \"" + raw + "\": the bytes at position " + at + " are not valid UTF-8");
    }
    result = decoder.flush(out);
    if (result.isError()) {
      throw new MalformedKeyException("malformed key \"" + raw + "\": it ends inside a UTF-8 sequence");
    }
    return out.flip().toString();
  }

  private static int firstSpecial(String raw, boolean plus) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' || (plus && c == '+')) {
        return i;
      }
    }
    return -1;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
