package dev.s3batch.tools.manifest;

/**
 * URL-encodes object keys for S3 Batch Operations manifests: every character outside the
 * unreserved set {@code A-Z a-z 0-9 - . _ ~} (and {@code /}, which may stay) becomes {@code %XX}
 * of its UTF-8 bytes, with uppercase hex, space as {@code %20} and {@code +} as {@code %2B}. Such a
 * key decodes to itself whether a function decodes {@code +} as a space ({@code unquote_plus},
 * {@code URLDecoder}) or not ({@code unquote}), and holds no comma, quote or line break, so it is
 * one CSV field as is. Thread-safe; no {@link java.net.URLEncoder}.
 *
 * <p>Speed: one pass measures the encoded length, a second fills one exactly sized array, so a
 * key costs one allocation (none when nothing needs escaping) and the appends are bulk copies.
 * {@code bench/} measures it ({@code KeyEncoderBenchmark}).
 *
 * <pre>{@code
 * KeyEncoder.encode("photos/my cat+dog,1.jpg"); // "photos/my%20cat%2Bdog%2C1.jpg"
 * }</pre>
 */
public final class KeyEncoder {

  /** For each ASCII character, the length of its encoding: 1 when it stays, 3 for %XX. */
  private static final byte[] ASCII_LENGTH = new byte[128];
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static {
    java.util.Arrays.fill(ASCII_LENGTH, (byte) 3);
    String keep = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/";
    for (int i = 0; i < keep.length(); i++) {
      ASCII_LENGTH[keep.charAt(i)] = 1;
    }
  }

  private KeyEncoder() {}

  /** The encoded key. Unpaired surrogates cannot be UTF-8 and are rejected. */
  public static String encode(String key) {
    int length = encodedLength(key);
    return length == key.length() ? key : String.valueOf(fill(key, length));
  }

  /** Appends the encoded key to {@code out}. Unpaired surrogates are rejected before anything is appended. */
  public static void encodeTo(String key, StringBuilder out) {
    int length = encodedLength(key);
    if (length == key.length()) {
      out.append(key);
    } else {
      out.append(fill(key, length));
    }
  }

  /** The length of the encoded key; throws on an unpaired surrogate. */
  private static int encodedLength(String key) {
    int n = key.length();
    int length = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < 0x80) {
        length += ASCII_LENGTH[c];
      } else if (c < 0x800) {
        length += 6;
      } else if (!Character.isSurrogate(c)) {
        length += 9;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(key.charAt(i + 1))) {
        length += 12;
        i++;
      } else {
        throw new IllegalArgumentException(
            "key has an unpaired UTF-16 surrogate at position " + i + ": it cannot be written as UTF-8");
      }
    }
    return length;
  }

  /** The encoded key in an array of the given (measured, valid) length. */
  private static char[] fill(String key, int length) {
    char[] out = new char[length];
    int n = key.length();
    int j = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < 0x80) {
        if (ASCII_LENGTH[c] == 1) {
          out[j++] = c;
        } else {
          j = pct(out, j, c);
        }
      } else if (c < 0x800) {
        j = pct(out, j, 0xC0 | (c >> 6));
        j = pct(out, j, 0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        int cp = Character.toCodePoint(c, key.charAt(++i));
        j = pct(out, j, 0xF0 | (cp >> 18));
        j = pct(out, j, 0x80 | ((cp >> 12) & 0x3F));
        j = pct(out, j, 0x80 | ((cp >> 6) & 0x3F));
        j = pct(out, j, 0x80 | (cp & 0x3F));
      } else {
        j = pct(out, j, 0xE0 | (c >> 12));
        j = pct(out, j, 0x80 | ((c >> 6) & 0x3F));
        j = pct(out, j, 0x80 | (c & 0x3F));
      }
    }
    return out;
  }

  private static int pct(char[] out, int j, int b) {
    out[j] = '%';
    out[j + 1] = HEX[(b >> 4) & 0xF];
    out[j + 2] = HEX[b & 0xF];
    return j + 3;
  }
}
