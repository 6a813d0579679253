package dev.s3batch.tools.manifest;

/**
 * An {@code s3://bucket/key} URI, split. The key (or prefix) is raw, as typed, and may be empty.
 *
 * <pre>{@code
 * S3Uri.parse("s3://my-bucket/photos/2024/", "--list"); // bucket my-bucket, key photos/2024/
 * }</pre>
 *
 * @param bucket the bucket name (syntax checked)
 * @param key the key or prefix, possibly empty
 */
public record S3Uri(String bucket, String key) {

  /**
   * Parses {@code text}; a problem names {@code option}.
   *
   * @throws ManifestException when it is not {@code s3://bucket[/key]} with a valid bucket name
   */
  public static S3Uri parse(String text, String option) {
    if (text == null || !text.startsWith("s3://")) {
      throw new ManifestException(option + " \"" + text + "\" is not an s3://bucket/key URI");
    }
    String rest = text.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    String why = BucketNames.problem(bucket);
    if (why != null) {
      throw new ManifestException(
          option + " \"" + text + "\": \"" + bucket + "\" is not a bucket name: " + why);
    }
    return new S3Uri(bucket, key);
  }

  /**
   * Parses a URI that must name an object (a non-empty key), as an upload target does.
   *
   * @throws ManifestException when the URI is malformed or has no key
   */
  public static S3Uri parseObject(String text, String option) {
    S3Uri uri = parse(text, option);
    if (uri.key.isEmpty() || uri.key.endsWith("/")) {
      throw new ManifestException(
          option + " \"" + text + "\" names no object: give s3://bucket/key, for example s3://"
              + uri.bucket + "/manifests/manifest.csv");
    }
    return uri;
  }

  /** The URI as text. */
  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
