package dev.s3batch.tools.report;

import dev.s3batch.tools.csv.CsvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a completion report as S3 Batch Operations does: rows streamed, as they come, into one
 * result file for succeeded tasks and one for failed tasks (a file only when it has rows), each
 * published as {@code job-<id>/results/<40 hex>.csv} (the hex is the SHA-1 of its content) once
 * complete; then {@code job-<id>/manifest.json} with each file's MD5. Memory does not grow with
 * the rows. Thread-safe: {@link #write} may be called from several threads.
 *
 * <p>Beyond AWS: the manifest rows of tasks that never ran (a job stopped early) go to
 * {@code job-<id>/unprocessed.csv}, an {@code S3BatchOperations_CSV_20180820} manifest
 * ({@code bucket,key[,versionId]}, keys as the manifest has them), published before
 * {@code manifest.json} and only when there are such rows; a sampled job's {@link SampleNote} goes to
 * {@code job-<id>/sample.json}. {@link #check()} probes the destination
 * before the first task; when publishing fails at the end, the temporary files are kept and named.
 *
 * <pre>{@code
 * ReportWriter report = new ReportWriter(ReportStore.of("reports/", s3), jobId, ReportScope.AllTasks);
 * report.check();
 * report.write(row);
 * String manifest = report.finish(); // "reports/job-.../manifest.json"
 * }</pre>
 */
public final class ReportWriter {

  /** The name, under {@code job-<id>/}, of the manifest of the tasks that never ran. */
  public static final String UNPROCESSED = "unprocessed.csv";
  /** The name, under {@code job-<id>/}, of the object {@link #check()} writes and removes. */
  public static final String PROBE = ".s3batch-write-probe";

  private final ReportStore store;
  private final String jobId;
  private final ReportScope scope;
  private TempResultFile succeeded;
  private TempResultFile failed;
  private TempResultFile unprocessed;
  private SampleNote sample;
  private boolean finished;

  /**
   * @param store where the report goes (under {@code job-<jobId>/})
   * @param jobId the job id
   * @param scope which rows are written
   */
  public ReportWriter(ReportStore store, String jobId, ReportScope scope) {
    this.store = store;
    this.jobId = jobId;
    this.scope = scope;
  }

  /**
   * Checks, before any task runs, that the report can be written: the temporary folder takes a
   * file, and the store takes {@code job-<id>/.s3batch-write-probe} (written, then removed).
   *
   * @throws ReportDestinationException when either cannot be written
   */
  public void check() throws ReportDestinationException {
    try {
      TempResultFile.probeTempFolder();
    } catch (IOException e) {
      throw new ReportDestinationException(System.getProperty("java.io.tmpdir") + " (java.io.tmpdir, the temporary"
          + " folder that keeps the result files until the job ends): cannot write there: " + e, true, e);
    }
    store.probe("job-" + jobId + "/" + PROBE);
  }

  /** Appends one row to the succeeded or the failed result file (succeeded rows only with {@code AllTasks}). */
  public synchronized void write(ReportRow row) throws IOException {
    checkOpen();
    if (row.failed()) {
      if (failed == null) {
        failed = new TempResultFile(ReportRow.FAILED);
      }
      failed.write(row.toCsv().getBytes(StandardCharsets.UTF_8));
    } else if (scope == ReportScope.AllTasks) {
      if (succeeded == null) {
        succeeded = new TempResultFile(ReportRow.SUCCEEDED);
      }
      succeeded.write(row.toCsv().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Appends the manifest row of a task that never ran ({@code versionId} null when none). */
  public synchronized void unprocessed(String bucket, String encodedKey, String versionId) throws IOException {
    checkOpen();
    if (unprocessed == null) {
      unprocessed = new TempResultFile("unprocessed");
    }
    StringBuilder line = new StringBuilder(64 + encodedKey.length());
    if (versionId == null || versionId.isEmpty()) {
      CsvWriter.record(line, bucket, encodedKey);
    } else {
      CsvWriter.record(line, bucket, encodedKey, versionId);
    }
    unprocessed.write(line.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Marks the report as that of a sampled job: {@link #finish()} publishes the note before {@code manifest.json}. */
  public synchronized void sample(SampleNote note) {
    checkOpen();
    this.sample = note;
  }

  /** Where the manifest of the tasks that never ran is (or will be). */
  public String unprocessedLocation() {
    return store.describe("job-" + jobId + "/" + UNPROCESSED);
  }

  /**
   * Publishes the result files, then {@code unprocessed.csv} when there are such rows, then
   * {@code manifest.json}; returns where the manifest is. The temporary files are removed only
   * once all is published.
   *
   * @throws ReportNotWrittenException when publishing fails: the temporary files are kept, and named
   */
  public synchronized String finish() throws IOException {
    finished = true;
    List<ReportManifest.ResultFile> files = new ArrayList<>();
    String name = "job-" + jobId + "/manifest.json";
    try {
      for (TempResultFile f : temps()) {
        f.close();
      }
      for (TempResultFile f : new TempResultFile[] {succeeded, failed}) {
        if (f != null) {
          String key = "job-" + jobId + "/results/" + f.sha1Hex() + ".csv";
          store.publish(f.path(), key);
          files.add(new ReportManifest.ResultFile(f.kind(), store.bucketField(), f.md5Hex(), store.keyField(key)));
        }
      }
      if (unprocessed != null) {
        store.publish(unprocessed.path(), "job-" + jobId + "/" + UNPROCESSED);
      }
      if (sample != null) {
        publish(sample.toJson(), "job-" + jobId + "/" + SampleNote.NAME);
      }
      publish(ReportManifest.of(Instant.now(), files).toJson(), name);
    } catch (IOException | RuntimeException e) {
      throw notWritten("writing the report to " + store.describe(name) + " failed: " + e.getMessage(), e);
    }
    for (TempResultFile f : temps()) {
      Files.deleteIfExists(f.path());
    }
    return store.describe(name);
  }

  private void publish(byte[] content, String name) throws IOException {
    Path file = Files.createTempFile(TempResultFile.PREFIX + "manifest-", ".json");
    try {
      Files.write(file, content);
      store.publish(file, name);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Publishes nothing and keeps what was written: closes the temporary files and returns the
   * exception that names them, with {@code why} first.
   */
  public synchronized ReportNotWrittenException keep(String why, Throwable cause) {
    finished = true;
    for (TempResultFile f : temps()) {
      try {
        f.close();
      } catch (IOException ignored) {
        // the message still names the file; what reached it is kept
      }
    }
    return notWritten(why, cause);
  }

  /** Discards what was written (temporary files); publishes nothing. */
  public synchronized void abandon() throws IOException {
    finished = true;
    for (TempResultFile f : temps()) {
      f.close();
      Files.deleteIfExists(f.path());
    }
  }

  private ReportNotWrittenException notWritten(String why, Throwable cause) {
    List<TempResultFile> temps = temps();
    String kept = temps.isEmpty()
        ? "; no task had written a row"
        : "; nothing was published as complete; the rows are kept in "
            + String.join(", ", temps.stream().map(TempResultFile::describe).toList());
    return new ReportNotWrittenException(why + kept, temps.stream().map(TempResultFile::path).toList(), cause);
  }

  private List<TempResultFile> temps() {
    List<TempResultFile> all = new ArrayList<>(3);
    for (TempResultFile f : new TempResultFile[] {succeeded, failed, unprocessed}) {
      if (f != null) {
        all.add(f);
      }
    }
    return all;
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("the report is finished");
    }
  }
}
