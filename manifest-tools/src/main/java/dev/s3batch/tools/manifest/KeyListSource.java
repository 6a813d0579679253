package dev.s3batch.tools.manifest;

import java.io.IOException;
import java.io.InputStream;

/**
 * One raw key per line (LF or CRLF), all in one bucket. Empty lines are skipped: an empty key is
 * not an S3 key. Keys that contain CR or LF cannot be given this way: use {@link CsvKeySource}
 * (quoted fields) or {@link JsonLinesKeySource}.
 *
 * <p>Reads bytes ({@link KeyLines}, on a thread of its own: {@link ReadAheadKeyLines}) and hands each
 * key to {@link RowSink#rowUtf8} as bytes, so a {@link ManifestWriter} encodes it with no
 * {@code String} per line: the same rows and errors as reading lines of text
 * ({@code KeyListSourceTest}), at disk speed ({@code bench/manifest-build.sh}).
 *
 * <pre>{@code
 * new KeyListSource(new InputFile("--keys", "keys.txt", System.in), "my-bucket").forEach(writer);
 * }</pre>
 */
public final class KeyListSource implements KeySource {

  private final InputFile input;
  private final String bucket;
  private final ProgressListener progress;

  /**
   * @param input the key list
   * @param bucket the bucket of every key (syntax checked)
   * @param progress hears how many lines were read
   */
  public KeyListSource(InputFile input, String bucket, ProgressListener progress) {
    BucketNames.check(bucket);
    this.input = input;
    this.bucket = bucket;
    this.progress = progress;
  }

  @Override
  public void forEach(RowSink sink) throws IOException {
    try (InputStream in = input.openBytes(); ReadAheadKeyLines lines = new ReadAheadKeyLines(in, name())) {
      long reported = 0;
      while (lines.next()) {
        long line = lines.line();
        if (line - reported > 0xFFFF) {
          progress.listed(line);
          reported = line;
        }
        try {
          sink.rowUtf8(bucket, lines.bytes(), lines.start(), lines.length());
        } catch (ManifestException e) {
          throw e.at(name() + " line " + line);
        }
      }
      progress.listed(lines.line());
    }
  }

  @Override
  public String name() {
    return input.name();
  }
}
