package dev.s3batch.tools.page;

import dev.s3batch.tools.report.ReportManifest;
import dev.s3batch.tools.report.ReportRow;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes completion reports of any size for the page's tests, streaming (a 1 GB report is never
 * in memory): {@code job-<id>/manifest.json} and its result files, AWS's layout, true MD5s.
 * Failed rows are {@code photos,failed/<n>/<padding>,,failed,200,PermanentFailure,S3 error ...}.
 */
final class GeneratedReports {

  private GeneratedReports() {}

  /** The key of failed row {@code n} (from 0), as encoded in the report. */
  static String failedKey(long n) {
    return "failed/" + n + "/report%20page%20row";
  }

  /**
   * Writes a report of about {@code succeededBytes} of succeeded rows (one file) and
   * {@code failedBytes} of failed rows spread over {@code failedFiles} files.
   *
   * @return the job's folder
   */
  static Path write(Path root, String id, long succeededBytes, long failedBytes, int failedFiles) throws IOException {
    Path job = root.resolve("job-" + id);
    Files.createDirectories(job.resolve("results"));
    List<ReportManifest.ResultFile> files = new ArrayList<>();
    String pad = "x".repeat(120);
    if (succeededBytes > 0) {
      files.add(file(job, id, "s", false, succeededBytes,
          n -> new ReportRow("photos", "ok/" + n + "/" + pad, "", "succeeded", "200", "", "Succeeded head")));
    }
    long[] next = {0};
    for (int f = 0; f < failedFiles; f++) {
      files.add(file(job, id, "f" + f, true, failedBytes / failedFiles, n -> {
        long k = next[0]++;
        return new ReportRow("photos", failedKey(k), "", "failed", "200", "PermanentFailure",
            "S3 error NoSuchKey (HTTP 404, request id " + k + "): The specified key does not exist, " + pad);
      }));
    }
    Files.write(job.resolve("manifest.json"), ReportManifest.of(Instant.parse("2026-11-30T10:15:30.000Z"), files).toJson());
    return job;
  }

  private static ReportManifest.ResultFile file(Path job, String id, String prefix, boolean failed, long bytes,
      java.util.function.LongFunction<ReportRow> rows) throws IOException {
    String name = prefix + "0".repeat(40 - prefix.length()) + ".csv";
    MessageDigest md5 = md5();
    try (OutputStream out = new DigestOutputStream(
        new BufferedOutputStream(Files.newOutputStream(job.resolve("results/" + name)), 1 << 16), md5)) {
      long written = 0;
      for (long n = 0; written < bytes; n++) {
        byte[] row = rows.apply(n).toCsv().getBytes(StandardCharsets.UTF_8);
        out.write(row);
        written += row.length;
      }
    }
    return new ReportManifest.ResultFile(failed ? "failed" : "succeeded", "reports",
        HexFormat.of().formatHex(md5.digest()), "job-" + id + "/results/" + name);
  }

  /** The result files of a report written here, concatenated, as the merged download must be. */
  static byte[] merged(Path job, boolean failedOnly) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (var names = Files.list(job.resolve("results"))) {
      // manifest.json's order: the succeeded file first, then the failed ones
      for (Path p : names.sorted(java.util.Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith("s"))
          .thenComparing(Path::toString)).toList()) {
        if (!failedOnly || p.getFileName().toString().startsWith("f")) {
          out.write(Files.readAllBytes(p));
        }
      }
    }
    return out.toByteArray();
  }

  static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
