package dev.s3batch.tools.manifest;

/**
 * URL-encodes object keys for S3 Batch Operations manifests: every character outside the
 * unreserved set {@code A-Z a-z 0-9 - . _ ~} (and {@code /}, which may stay) becomes {@code %XX}
 * of its UTF-8 bytes, space as {@code %20} and {@code +} as {@code %2B}. Such a key decodes to
 * itself whether a function decodes {@code +} as a space ({@code unquote_plus},
 * {@code URLDecoder}) or not ({@code unquote}). Thread-safe and allocation-light: no
 * {@link java.net.URLEncoder}.
 *
 * <pre>{@code
 * KeyEncoder.encode("photos/my cat+dog,1.jpg"); // "photos/my%20cat%2Bdog%2C1.jpg"
 * }</pre>
 */
public final class KeyEncoder {

  private static final boolean[] KEEP = new boolean[128];
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      KEEP[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      KEEP[c] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      KEEP[c] = true;
    }
    for (char c : "-._~/".toCharArray()) {
      KEEP[c] = true;
    }
  }

  private KeyEncoder() {}

  /** The encoded key. Unpaired surrogates cannot be UTF-8 and are rejected. */
  public static String encode(String key) {
    int n = key.length();
    int i = 0;
    while (i < n) {
      char c = key.charAt(i);
      if (c >= 128 || !KEEP[c]) {
        break;
      }
      i++;
    }
    if (i == n) {
      return key;
    }
    StringBuilder sb = new StringBuilder(n + 16);
    sb.append(key, 0, i);
    encodeTail(key, i, sb);
    return sb.toString();
  }

  /** Appends the encoded key to {@code out}. */
  public static void encodeTo(String key, StringBuilder out) {
    encodeTail(key, 0, out);
  }

  private static void encodeTail(String key, int from, StringBuilder sb) {
    int n = key.length();
    for (int i = from; i < n; i++) {
      char c = key.charAt(i);
      if (c < 128) {
        if (KEEP[c]) {
          sb.append(c);
        } else {
          pct(sb, c);
        }
      } else if (c < 0x800) {
        pct(sb, 0xC0 | (c >> 6));
        pct(sb, 0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(key.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, key.charAt(++i));
        pct(sb, 0xF0 | (cp >> 18));
        pct(sb, 0x80 | ((cp >> 12) & 0x3F));
        pct(sb, 0x80 | ((cp >> 6) & 0x3F));
        pct(sb, 0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "key has an unpaired UTF-16 surrogate at position " + i + ": it cannot be written as UTF-8");
      } else {
        pct(sb, 0xE0 | (c >> 12));
        pct(sb, 0x80 | ((c >> 6) & 0x3F));
        pct(sb, 0x80 | (c & 0x3F));
      }
    }
  }

  private static void pct(StringBuilder sb, int b) {
    sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }
}
