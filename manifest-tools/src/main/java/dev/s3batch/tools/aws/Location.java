package dev.s3batch.tools.aws;

/**
 * What the text of a location option names, as {@link S3Uri#location} reads it: an S3 location
 * ({@code s3://BUCKET[/KEY]} with a valid bucket name), a local path, or a mistyped address
 * (anything else that starts like a URI scheme, such as {@code s3:/b/k}, {@code S3://b/k},
 * {@code s3:///k} or {@code https://...}), which no command may take as a local path.
 *
 * <pre>{@code
 * Location l = S3Uri.location(text);
 * if (l instanceof Location.Invalid i) {
 *   throw new IllegalArgumentException("--report \"" + text + "\": " + i.reason());
 * }
 * if (l instanceof Location.S3 s) { ...s.uri()... } else { ...Path.of(((Location.Local) l).path())... }
 * }</pre>
 */
public sealed interface Location permits Location.S3, Location.Local, Location.Invalid {

  /** {@code s3://BUCKET[/KEY]}, the bucket name valid. */
  record S3(S3Uri uri) implements Location {}

  /** A local path, as typed (no scheme: a relative or absolute path, or a Windows drive letter). */
  record Local(String path) implements Location {}

  /**
   * Text that starts like a URI scheme but is not a valid {@code s3://BUCKET/KEY}.
   *
   * @param reason why, without the text or the option: for example {@code write s3:// with two slashes}
   */
  record Invalid(String reason) implements Location {}
}
