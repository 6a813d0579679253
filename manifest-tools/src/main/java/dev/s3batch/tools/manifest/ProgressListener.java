package dev.s3batch.tools.manifest;

/**
 * Hears how a manifest build is going. Every method is a no-op by default. Called on the one
 * thread that runs the build: {@link #listed} as a source reads (an S3 listing calls it once per
 * page), {@link #written} every few thousand rows, {@link #done} once at the end, success or not.
 */
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};

  /** The source has read {@code total} keys so far (before filters). */
  default void listed(long total) {}

  /** The writer has written {@code total} rows so far. */
  default void written(long total) {}

  /** The build has ended. */
  default void done() {}
}
