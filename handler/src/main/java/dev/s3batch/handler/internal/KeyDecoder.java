package dev.s3batch.handler.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * URL-decodes task keys to UTF-8. Unlike {@link java.net.URLDecoder} it names the raw key and the
 * position of any fault (a bare {@code %}, {@code %zz}, bytes that are not UTF-8, a lone UTF-16
 * surrogate) instead of throwing a bare message or substituting {@code U+FFFD}, and it can keep
 * {@code +} as is. Positions count the {@code char}s of the raw key from 0. The fault comes first
 * in the message and the raw key last, so a message cut to the report's length still says where
 * the fault is. Thread-safe and stateless.
 *
 * <pre>{@code
 * KeyDecoder.decode("my%20photo+1.jpg", KeyDecoding.PLUS_AS_SPACE); // "my photo 1.jpg"
 * KeyDecoder.decode("a+b%2Bc", KeyDecoding.PERCENT_ONLY);          // "a+b+c"
 * KeyDecoder.decode("100%", KeyDecoding.PERCENT_ONLY);
 * // MalformedKeyException: malformed key: "%" at position 3 is not a %XX escape ...; key "100%"
 * }</pre>
 */
public final class KeyDecoder {

  private KeyDecoder() {}

  /** Decodes one key. */
  public static String decode(String raw, KeyDecoding decoding) throws MalformedKeyException {
    boolean plus = decoding == KeyDecoding.PLUS_AS_SPACE;
    if (!needsWork(raw, plus)) {
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
          throw fault(raw, "\"" + seen + "\" at position " + i + " is not a %XX escape with two hex digits");
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
        if (Character.isSurrogate(c) && !Character.isSupplementaryCodePoint(cp)) {
          throw fault(raw, "a lone UTF-16 surrogate at position " + i + " cannot be UTF-8");
        }
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
          origin[len] = i;
          bytes[len++] = b;
        }
        i += Character.charCount(cp) - 1;
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
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int first = in.position();
      int last = Math.min(len, first + result.length()) - 1;
      int from = origin[first];
      int to = end(raw, origin[last]);
      throw fault(raw, "\"" + raw.substring(from, to) + "\" at position " + from + " is not valid UTF-8");
    }
    return out.flip().toString();
  }

  /** The index after the raw text that produced the byte at {@code at}. */
  private static int end(String raw, int at) {
    return raw.charAt(at) == '%' ? at + 3 : at + Character.charCount(raw.codePointAt(at));
  }

  private static MalformedKeyException fault(String raw, String what) {
    return new MalformedKeyException("malformed key: " + what + "; key \"" + raw + "\"");
  }

  /** Whether the key holds an escape, a {@code +} to turn into a space, or a surrogate to check. */
  private static boolean needsWork(String raw, boolean plus) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' || (plus && c == '+') || Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
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
