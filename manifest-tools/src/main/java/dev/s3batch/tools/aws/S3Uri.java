package dev.s3batch.tools.aws;

import java.util.Objects;
import java.util.Optional;

/**
 * An object or prefix in S3, written {@code s3://bucket/key}. The key is taken verbatim (no URL
 * decoding) and may be empty (the bucket's root, or a prefix). This is the one parser of
 * {@code s3://} URIs; each package maps an empty {@link #parse} or a {@link #bucketNameProblem} to
 * its own exception and wording.
 *
 * <pre>{@code
 * S3Uri u = S3Uri.parse("s3://reports/jobs/2024").orElseThrow(); // bucket "reports", key "jobs/2024"
 * u.child("manifest.json");                                      // s3://reports/jobs/2024/manifest.json
 * u.objectArn("aws");                                            // arn:aws:s3:::reports/jobs/2024
 * }</pre>
 *
 * @param bucket the bucket name, not empty (its syntax is checked by {@link #bucketNameProblem})
 * @param key the key or prefix, never null, possibly empty
 */
public record S3Uri(String bucket, String key) {

  private static final String SCHEME = "s3://";

  public S3Uri {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("an S3 URI needs a bucket name");
    }
  }

  /**
   * Parses {@code s3://bucket[/key]} leniently: empty when {@code text} is null, does not start with
   * {@code s3://} or names no bucket. The bucket name's syntax is not checked here.
   */
  public static Optional<S3Uri> parse(String text) {
    if (text == null || !text.startsWith(SCHEME)) {
      return Optional.empty();
    }
    String rest = text.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    return bucket.isEmpty() ? Optional.empty() : Optional.of(new S3Uri(bucket, key));
  }

  /**
   * Why {@code name} is not a general-purpose bucket name, empty when it is one: 3 to 63 characters
   * of lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, no
   * {@code ..}, not an IP address. Such names need no escaping in a manifest.
   */
  public static Optional<String> bucketNameProblem(String name) {
    int n = name.length();
    if (n < 3 || n > 63) {
      return Optional.of("a bucket name has 3 to 63 characters");
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!alnum(c) && c != '.' && c != '-') {
        return Optional.of("only lowercase letters, digits, '.' and '-' are allowed");
      }
    }
    if (!alnum(name.charAt(0)) || !alnum(name.charAt(n - 1))) {
      return Optional.of("it must start and end with a letter or digit");
    }
    if (name.contains("..")) {
      return Optional.of("it must not contain \"..\"");
    }
    if (name.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
      return Optional.of("it must not look like an IP address");
    }
    return Optional.empty();
  }

  /** The bucket's ARN in a partition, for example {@code arn:aws:s3:::bucket}. */
  public String bucketArn(String partition) {
    return "arn:" + partition + ":s3:::" + bucket;
  }

  /** The object's ARN in a partition, for example {@code arn:aws:s3:::bucket/key}. */
  public String objectArn(String partition) {
    return bucketArn(partition) + "/" + key;
  }

  /** The key under this one: {@code key + "/" + name}, without a doubled or leading slash. */
  public S3Uri child(String name) {
    if (key.isEmpty()) {
      return new S3Uri(bucket, name);
    }
    return new S3Uri(bucket, key.endsWith("/") ? key + name : key + "/" + name);
  }

  /** The key as a prefix: empty, or ending in {@code /}. */
  public String prefix() {
    return key.isEmpty() || key.endsWith("/") ? key : key + "/";
  }

  /** The URI as text: {@code s3://bucket/key}. */
  @Override
  public String toString() {
    return SCHEME + bucket + "/" + key;
  }

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
