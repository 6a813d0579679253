package dev.s3batch.handler.internal;

import java.util.Optional;

/**
 * How a task key is percent-decoded ({@code S3BATCH_KEY_DECODING} / {@code keyDecoding}).
 * AWS's own samples disagree on {@code +}: Python's {@code unquote_plus} (and Java's
 * {@code URLDecoder}, Powertools, AWS's large-object sample) read it as a space; {@code unquote}
 * keeps it. Manifests written by {@code s3batch manifest build} encode both space and {@code +},
 * so they decode the same either way.
 */
public enum KeyDecoding {
  /** {@code %XX} is a UTF-8 byte and {@code +} is a space (the default). */
  PLUS_AS_SPACE("plus-as-space"),
  /** Only {@code %XX} is decoded; {@code +} stays {@code +}. */
  PERCENT_ONLY("percent-only");

  private final String setting;

  KeyDecoding(String setting) {
    this.setting = setting;
  }

  /** The setting's value. */
  public String setting() {
    return setting;
  }

  /** The decoding named by a setting value, empty for an unknown one. */
  public static Optional<KeyDecoding> fromSetting(String value) {
    for (KeyDecoding d : values()) {
      if (d.setting.equals(value)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
