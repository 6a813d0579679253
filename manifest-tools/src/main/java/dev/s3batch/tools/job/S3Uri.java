package dev.s3batch.tools.job;

/**
 * An {@code s3://bucket/key} URI as given on the command line, split into bucket and key (the key
 * may be empty where a prefix is meant).
 *
 * <pre>{@code
 * S3Uri m = S3Uri.object("--manifest", "s3://b/manifests/m.csv"); // bucket "b", key "manifests/m.csv"
 * S3Uri r = S3Uri.prefix("--report", "s3://b");                  // bucket "b", key ""
 * }</pre>
 *
 * @param bucket the bucket name
 * @param key the key or prefix, never null, possibly empty
 */
public record S3Uri(String bucket, String key) {

  public S3Uri {
    if (bucket == null || bucket.isEmpty() || key == null) {
      throw new IllegalArgumentException("bucket and key are required");
    }
  }

  /** The URI of an object: a key is required. */
  public static S3Uri object(String option, String value) {
    S3Uri uri = parse(option, value);
    if (uri.key.isEmpty()) {
      throw new JobInputException(option + " \"" + value + "\" names no object: expected s3://BUCKET/KEY");
    }
    return uri;
  }

  /** The URI of a bucket with an optional prefix: {@code s3://bucket} or {@code s3://bucket/prefix}. */
  public static S3Uri prefix(String option, String value) {
    return parse(option, value);
  }

  private static S3Uri parse(String option, String value) {
    if (value == null || !value.startsWith("s3://")) {
      throw new JobInputException(option + " \"" + value + "\" is not an s3:// URI: expected s3://BUCKET/KEY");
    }
    String rest = value.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new JobInputException(option + " \"" + value + "\": \"" + bucket + "\" is not a bucket name");
    }
    return new S3Uri(bucket, key);
  }

  /** The bucket's ARN in a partition, for example {@code arn:aws:s3:::bucket}. */
  public String bucketArn(String partition) {
    return "arn:" + partition + ":s3:::" + bucket;
  }

  /** The object's ARN in a partition, for example {@code arn:aws:s3:::bucket/key}. */
  public String objectArn(String partition) {
    return bucketArn(partition) + "/" + key;
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
