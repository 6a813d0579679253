package dev.s3batch.tools.manifest;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * One raw key per line (LF or CRLF), all in one bucket. Empty lines are skipped: an empty key is
 * not an S3 key. Keys that contain CR or LF cannot be given this way: use {@link CsvKeySource}
 * (quoted fields) or {@link JsonLinesKeySource}.
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
    long line = 0;
    try (BufferedReader reader = input.open()) {
      String key;
      while ((key = reader.readLine()) != null) {
        line++;
        if ((line & 0xFFFF) == 0) {
          progress.listed(line);
        }
        if (key.isEmpty()) {
          continue;
        }
        try {
          sink.row(bucket, key, null);
        } catch (ManifestException e) {
          throw e.at(name() + " line " + line);
        }
      }
    }
    progress.listed(line);
  }

  @Override
  public String name() {
    return input.name();
  }
}
