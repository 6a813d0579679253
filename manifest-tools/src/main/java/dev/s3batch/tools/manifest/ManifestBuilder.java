package dev.s3batch.tools.manifest;

import java.io.IOException;
import java.util.List;

/**
 * Streams a {@link KeySource} through a {@link ManifestWriter} into a {@link ManifestOutput}, and
 * commits the output only when every row was written: on any failure the output is aborted, so no
 * file that looks complete is left behind.
 *
 * <pre>{@code
 * ManifestBuilder.Result r = ManifestBuilder.build(
 *     new KeyListSource(new InputFile("--keys", "keys.txt", System.in), "my-bucket", ProgressListener.NONE),
 *     FileManifestOutput.of(Path.of("manifest.csv"), false, "-o"), Long.MAX_VALUE, ProgressListener.NONE);
 * }</pre>
 */
public final class ManifestBuilder {

  /**
   * What a build wrote.
   *
   * @param rows the number of rows
   * @param versioned whether the rows carry version ids
   * @param parts the final names of the parts, in order
   * @param skipped the rows refused and written to the skip file instead (0 without one)
   */
  public record Result(long rows, boolean versioned, List<String> parts, long skipped) {
    public Result {
      parts = List.copyOf(parts);
    }
  }

  private ManifestBuilder() {}

  /**
   * Builds the manifest.
   *
   * @param maxRows the most rows in one part ({@link Long#MAX_VALUE} for one part)
   * @throws ManifestException on bad input, or when the source gives no rows (an empty manifest
   *     fails a job)
   */
  public static Result build(KeySource source, ManifestOutput output, long maxRows, ProgressListener progress)
      throws IOException {
    return build(source, output, maxRows, progress, null);
  }

  /**
   * Builds the manifest; a row the writer refuses (a key too long, an empty key, a bad bucket name,
   * a version id on some rows only) goes to {@code skipped} with its reason instead of stopping the
   * build. The skip file is committed with the manifest, and deleted with it on failure.
   *
   * @param skipped where refused rows go, or null to fail on the first one
   * @throws ManifestException on bad input that is not a row (a file's syntax), or when no row is left
   */
  public static Result build(
      KeySource source, ManifestOutput output, long maxRows, ProgressListener progress, SkippedKeysWriter skipped)
      throws IOException {
    ManifestWriter writer = new ManifestWriter(output, maxRows, progress);
    boolean committed = false;
    try {
      source.forEach(skipped == null ? writer : skipped.skipping(writer));
      writer.finish();
      if (writer.rows() == 0) {
        throw new ManifestException(
            source.name() + ": no rows; nothing matched, and a job cannot run an empty manifest");
      }
      output.commit();
      if (skipped != null) {
        skipped.commit();
      }
      committed = true;
      return new Result(writer.rows(), writer.versioned(), output.names(), skipped == null ? 0 : skipped.rows());
    } finally {
      progress.done();
      if (!committed) {
        writer.discard();
        output.abort();
        if (skipped != null) {
          skipped.close();
        }
      }
    }
  }
}
