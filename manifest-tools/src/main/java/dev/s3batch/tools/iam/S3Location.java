package dev.s3batch.tools.iam;

/**
 * An {@code s3://bucket/key} given on the command line.
 *
 * @param bucket the bucket
 * @param key the key or prefix, possibly empty
 */
public record S3Location(String bucket, String key) {

  /**
   * Parses {@code s3://bucket[/key]}.
   *
   * @throws IamInputException naming {@code option} when it is not one
   */
  public static S3Location parse(String option, String text) {
    if (!text.startsWith("s3://")) {
      throw new IamInputException(option, "\"" + text + "\" is not an s3://BUCKET/KEY location");
    }
    String rest = text.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    return new S3Location(IamRenderer.bucket(option, bucket), key);
  }

  /** The key as a prefix: empty, or ending in {@code /}. */
  public String prefix() {
    if (key.isEmpty() || key.endsWith("/")) {
      return key;
    }
    return key + "/";
  }
}
