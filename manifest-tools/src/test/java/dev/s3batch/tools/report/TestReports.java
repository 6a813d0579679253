package dev.s3batch.tools.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Writes small completion reports for tests, as AWS lays them out: {@code job-<id>/manifest.json}, {@code results/}. */
public final class TestReports {

  private TestReports() {}

  /**
   * Writes {@code root/job-<id>/}: one result file of succeeded rows and one of failed rows (each
   * only when it has rows), with their true MD5s, created at {@code created}.
   *
   * @return the job's folder
   */
  public static Path write(Path root, String id, Instant created, List<ReportRow> rows) throws IOException {
    Path job = root.resolve("job-" + id);
    Files.createDirectories(job.resolve("results"));
    List<ReportManifest.ResultFile> files = new ArrayList<>();
    for (boolean failed : new boolean[] {false, true}) {
      StringBuilder csv = new StringBuilder();
      rows.stream().filter(r -> r.failed() == failed).forEach(r -> csv.append(r.toCsv()));
      if (csv.length() == 0) {
        continue;
      }
      byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
      String name = (failed ? "f" : "s") + "0".repeat(39) + ".csv";
      Files.write(job.resolve("results/" + name), bytes);
      files.add(new ReportManifest.ResultFile(failed ? "failed" : "succeeded", "reports", md5(bytes),
          "job-" + id + "/results/" + name));
    }
    Files.write(job.resolve("manifest.json"), ReportManifest.of(created, files).toJson());
    return job;
  }

  /** A failed row. */
  public static ReportRow failed(String key, String message) {
    return new ReportRow("photos", key, "", "failed", "200", "PermanentFailure", message);
  }

  /** A succeeded row. */
  public static ReportRow succeeded(String key) {
    return new ReportRow("photos", key, "", "succeeded", "200", "", "ok");
  }

  /** Puts every file under {@code folder} into {@code bucket} under {@code prefix} (ending in /, or empty). */
  public static void upload(S3Client s3, Path folder, String bucket, String prefix) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        String key = prefix + folder.relativize(p).toString().replace('\\', '/');
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(p));
      }
    }
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
