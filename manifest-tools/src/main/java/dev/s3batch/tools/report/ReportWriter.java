package dev.s3batch.tools.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a completion report as S3 Batch Operations does: rows streamed, as they come, into one
 * result file for succeeded tasks and one for failed tasks (a file only when it has rows), each
 * published as {@code job-<id>/results/<40 hex>.csv} (the hex is the SHA-1 of its content) once
 * complete; then {@code job-<id>/manifest.json} with each file's MD5. Memory does not grow with
 * the rows. Thread-safe: {@link #write} may be called from several threads.
 *
 * <pre>{@code
 * ReportWriter report = new ReportWriter(ReportStore.of("reports/", s3), jobId, ReportScope.AllTasks);
 * report.write(row);
 * String manifest = report.finish(); // "reports/job-.../manifest.json"
 * }</pre>
 */
public final class ReportWriter {

  private final ReportStore store;
  private final String jobId;
  private final ReportScope scope;
  private ResultFileWriter succeeded;
  private ResultFileWriter failed;
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

  /** Appends one row to the succeeded or the failed result file (succeeded rows only with {@code AllTasks}). */
  public synchronized void write(ReportRow row) throws IOException {
    if (finished) {
      throw new IllegalStateException("the report is finished");
    }
    if (row.failed()) {
      if (failed == null) {
        failed = new ResultFileWriter(ReportRow.FAILED);
      }
      failed.write(row);
    } else if (scope == ReportScope.AllTasks) {
      if (succeeded == null) {
        succeeded = new ResultFileWriter(ReportRow.SUCCEEDED);
      }
      succeeded.write(row);
    }
  }

  /** Publishes the result files, then {@code manifest.json}; returns where the manifest is. */
  public synchronized String finish() throws IOException {
    finished = true;
    List<ReportManifest.ResultFile> files = new ArrayList<>();
    for (ResultFileWriter w : new ResultFileWriter[] {succeeded, failed}) {
      if (w != null) {
        files.add(w.publish());
      }
    }
    Path manifest = Files.createTempFile("s3batch-report-manifest-", ".json");
    Files.write(manifest, ReportManifest.of(Instant.now(), files).toJson());
    String name = "job-" + jobId + "/manifest.json";
    store.publish(manifest, name);
    return store.describe(name);
  }

  /** Discards what was written (temporary files); publishes nothing. */
  public synchronized void abandon() throws IOException {
    finished = true;
    for (ResultFileWriter w : new ResultFileWriter[] {succeeded, failed}) {
      if (w != null) {
        w.out.close();
        Files.deleteIfExists(w.temp);
      }
    }
  }

  /** One result file being written to a temporary file, its MD5 and SHA-1 computed on the way. */
  private final class ResultFileWriter {
    private final String status;
    private final Path temp;
    private final OutputStream out;
    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha1 = digest("SHA-1");

    ResultFileWriter(String status) throws IOException {
      this.status = status;
      this.temp = Files.createTempFile("s3batch-report-" + status + "-", ".csv");
      this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
    }

    void write(ReportRow row) throws IOException {
      byte[] bytes = row.toCsv().getBytes(StandardCharsets.UTF_8);
      md5.update(bytes);
      sha1.update(bytes);
      out.write(bytes);
    }

    ReportManifest.ResultFile publish() throws IOException {
      out.close();
      String name = "job-" + jobId + "/results/" + HexFormat.of().formatHex(sha1.digest()) + ".csv";
      store.publish(temp, name);
      return new ReportManifest.ResultFile(
          status, store.bucketField(), HexFormat.of().formatHex(md5.digest()), store.keyField(name));
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
