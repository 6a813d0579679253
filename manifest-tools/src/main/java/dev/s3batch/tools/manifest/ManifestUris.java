package dev.s3batch.tools.manifest;

import dev.s3batch.tools.aws.S3Uri;

/**
 * Reads the {@code s3://bucket/key} URIs of manifest options, failing with a
 * {@link ManifestException} that names the option and the value. The key (or prefix) is raw, as
 * typed, and may be empty.
 *
 * <pre>{@code
 * ManifestUris.parse("s3://my-bucket/photos/2024/", "--list"); // bucket my-bucket, key photos/2024/
 * }</pre>
 */
public final class ManifestUris {

  private ManifestUris() {}

  /**
   * Parses {@code text}; a problem names {@code option}.
   *
   * @throws ManifestException when it is not {@code s3://bucket[/key]} with a valid bucket name
   */
  public static S3Uri parse(String text, String option) {
    S3Uri uri = S3Uri.parse(text).orElseThrow(
        () -> new ManifestException(option + " \"" + text + "\" is not an s3://bucket/key URI"));
    S3Uri.bucketNameProblem(uri.bucket()).ifPresent(why -> {
      throw new ManifestException(option + " \"" + text + "\": \"" + uri.bucket() + "\" is not a bucket name: " + why);
    });
    return uri;
  }

  /**
   * Parses a URI that must name an object (a non-empty key), as an upload target does.
   *
   * @throws ManifestException when the URI is malformed or has no key
   */
  public static S3Uri parseObject(String text, String option) {
    S3Uri uri = parse(text, option);
    if (uri.key().isEmpty() || uri.key().endsWith("/")) {
      throw new ManifestException(
          option + " \"" + text + "\" names no object: give s3://bucket/key, for example s3://"
              + uri.bucket() + "/manifests/manifest.csv");
    }
    return uri;
  }
}
