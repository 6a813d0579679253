package dev.s3batch.tools.aws;

import java.util.Objects;
import java.util.Optional;

/**
 * An object or prefix in S3, written {@code s3://bucket/key}. The key is taken verbatim (no
 * URL decoding) and may be empty (the bucket's root).
 *
 * <pre>{@code
 * S3Location.parse("s3://reports/jobs/2024").orElseThrow(); // bucket "reports", key "jobs/2024"
 * }</pre>
 *
 * @param bucket the bucket name
 * @param key the key or prefix, possibly empty
 */
public record S3Location(String bucket, String key) {

  public S3Location {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("an S3 location needs a bucket name");
    }
  }

  /** The location for an {@code s3://} URI, empty when {@code text} does not start with {@code s3://}. */
  public static Optional<S3Location> parse(String text) {
    if (!text.startsWith("s3://")) {
      return Optional.empty();
    }
    String rest = text.substring("s3://".length());
    int slash = rest.indexOf('/');
    return Optional.of(slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1)));
  }

  /** The key under this one: {@code key + "/" + name}, without a doubled or leading slash. */
  public S3Location child(String name) {
    if (key.isEmpty()) {
      return new S3Location(bucket, name);
    }
    return new S3Location(bucket, key.endsWith("/") ? key + name : key + "/" + name);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
