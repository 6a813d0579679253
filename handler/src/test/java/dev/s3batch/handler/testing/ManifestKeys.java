package dev.s3batch.handler.testing;

import java.nio.charset.StandardCharsets;

/**
 * Encodes keys as a manifest writer must (the handler tests cannot use manifest-tools' encoder):
 * every byte of the UTF-8 form outside the unreserved set {@code A-Z a-z 0-9 - . _ ~} and
 * {@code /} becomes {@code %XX}, so space is {@code %20} and {@code +} is {@code %2B}.
 */
public final class ManifestKeys {

  private ManifestKeys() {}

  /** The key, URL-encoded. */
  public static String encode(String key) {
    StringBuilder sb = new StringBuilder();
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
  }
}
