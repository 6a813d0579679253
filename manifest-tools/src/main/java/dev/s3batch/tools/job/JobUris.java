package dev.s3batch.tools.job;

import dev.s3batch.tools.aws.S3Uri;

/**
 * Reads the {@code s3://bucket/key} URIs of job options, failing with a {@link JobInputException}
 * that names the option and the value.
 *
 * <pre>{@code
 * S3Uri m = JobUris.object("--manifest", "s3://b/manifests/m.csv"); // bucket "b", key "manifests/m.csv"
 * S3Uri r = JobUris.prefix("--report", "s3://b");                  // bucket "b", key ""
 * }</pre>
 */
public final class JobUris {

  private JobUris() {}

  /** The URI of an object: a key is required. */
  public static S3Uri object(String option, String value) {
    S3Uri uri = prefix(option, value);
    if (uri.key().isEmpty()) {
      throw new JobInputException(option + " \"" + value + "\" names no object: expected s3://BUCKET/KEY");
    }
    return uri;
  }

  /** The URI of a bucket with an optional prefix: {@code s3://bucket} or {@code s3://bucket/prefix}. */
  public static S3Uri prefix(String option, String value) {
    return S3Uri.requireS3(option, value, JobInputException::new);
  }
}
