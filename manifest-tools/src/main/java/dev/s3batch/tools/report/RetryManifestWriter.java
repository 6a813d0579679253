package dev.s3batch.tools.report;

import dev.s3batch.tools.csv.CsvWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes failed report rows (and the tasks a stopped job never ran) as a new
 * {@code S3BatchOperations_CSV_20180820} manifest: bucket,
 * the key byte for byte as the report has it (already URL-encoded), and the version id when the
 * row has one. Written to a temporary name and moved into place by {@link #commit()}; a writer
 * closed without commit leaves nothing behind. Not thread-safe.
 */
public final class RetryManifestWriter implements Closeable {

  private final Path target;
  private final Path temp;
  private final BufferedWriter out;
  private final StringBuilder line = new StringBuilder(256);
  private long rows;
  private boolean committed;

  /** A writer of {@code target}. */
  public RetryManifestWriter(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    Files.createDirectories(this.target.getParent());
    this.temp = this.target.resolveSibling("." + this.target.getFileName() + ".tmp");
    this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
  }

  /** Writes the task of a failed row. */
  public void write(ReportRow row) throws IOException {
    write(row.bucket(), row.key(), row.versionId());
  }

  /** Writes a task that never ran (from the report's {@code unprocessed.csv}). */
  public void write(ReportReader.UnprocessedTask task) throws IOException {
    write(task.bucket(), task.key(), task.versionId());
  }

  private void write(String bucket, String key, String versionId) throws IOException {
    line.setLength(0);
    if (versionId.isEmpty()) {
      CsvWriter.record(line, bucket, key);
    } else {
      CsvWriter.record(line, bucket, key, versionId);
    }
    out.append(line);
    rows++;
  }

  /** How many rows were written. */
  public long rows() {
    return rows;
  }

  /** Completes the file under its name. */
  public void commit() throws IOException {
    out.close();
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      out.close();
      Files.deleteIfExists(temp);
    }
  }
}
