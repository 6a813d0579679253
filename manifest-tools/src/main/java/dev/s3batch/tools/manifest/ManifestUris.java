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
   *     ({@link S3Uri#requireS3})
   */
  public static S3Uri parse(String text, String option) {
    return S3Uri.requireS3(option, text, ManifestException::new);
  }

  /**
   * Reads the local file or folder given to {@code option} (FILE, or {@code -}); an S3 URI, valid
   * or mistyped, is refused (it would otherwise name a local folder {@code s3:}).
   *
   * @throws ManifestException naming the option when {@code text} is not a local path
   */
  public static String local(String text, String option) {
    return S3Uri.requireLocal(option, text, ManifestException::new);
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
