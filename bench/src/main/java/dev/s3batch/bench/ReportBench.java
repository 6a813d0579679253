package dev.s3batch.bench;

import dev.s3batch.tools.manifest.KeyEncoder;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.ReportReview;
import dev.s3batch.tools.report.ReportRow;
import dev.s3batch.tools.report.ReportScope;
import dev.s3batch.tools.report.ReportStore;
import dev.s3batch.tools.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Measures how fast a completion report is reviewed: writes a report of about {@code MB}
 * megabytes (10% failed rows, nasty keys, AWS-style messages) with {@link ReportWriter}, then
 * reads it {@code RUNS} times through {@link ReportReader} into a {@link ReportReview} (CSV
 * parse, MD5 check, aggregation) and prints MB/s per run.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.s3batch.bench.ReportBench [MB] [RUNS]
 * </pre>
 */
public final class ReportBench {

  private ReportBench() {}

  public static void main(String[] args) throws IOException {
    long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 256;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("s3batch-report-bench-");
    try {
      long bytes = generate(dir, megabytes * 1_000_000);
      System.out.printf("report: %,d bytes in %s%n", bytes, dir);
      java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int run = 1; run <= runs; run++) {
        long start = System.nanoTime();
        long startCpu = processCpuNanos();
        ReportReview review = new ReportReview();
        List<String> problems = ReportReader.open(dir.toString(), () -> null).read(false, review);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - startCpu) / 1e9;
        ReportReview.Summary s = review.summary(10);
        System.out.printf("review run %d: %,d rows (%,d failed), %.2f s: %.0f MB/s wall clock, %.0f MB per CPU-second of the process (all threads, GC included)%s%n",
            run, s.total(), s.failed(), seconds, bytes / 1e6 / seconds, bytes / 1e6 / cpuSeconds,
            problems.isEmpty() ? "" : " MD5 PROBLEMS " + problems);
      }
      for (int run = 1; run <= runs; run++) {
        long startCpu = cpu.getCurrentThreadCpuTime();
        long[] rows = new long[1];
        try (Stream<Path> files = Files.list(dir.resolve("job-bench/results"))) {
          for (Path p : files.toList()) {
            try (var in = Files.newInputStream(p)) {
              ReportReader.readRows(in, p.toString(), r -> rows[0]++);
            }
          }
        }
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e9;
        System.out.printf("parse-only run %d: %,d rows, %.0f MB per CPU-second of this thread (no MD5, no aggregation)%n",
            run, rows[0], bytes / 1e6 / cpuSeconds);
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Writes a report of about {@code targetBytes}; returns its result files' size. */
  static long generate(Path dir, long targetBytes) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    ReportWriter writer = new ReportWriter(ReportStore.of(dir.toString(), () -> null), "bench", ReportScope.AllTasks);
    String[] names = {"photo", "my file", "a+b", "ünïcödé", "comma,key", "report 2024", "日本語"};
    long written = 0;
    for (long i = 0; written < targetBytes; i++) {
      String key = KeyEncoder.encode("data/" + (i % 1000) + "/" + names[(int) (i % names.length)] + "-" + i + ".jpg");
      ReportRow row;
      if (random.nextInt(10) == 0) {
        String message = random.nextBoolean()
            ? "S3 error NoSuchKey (HTTP 404, request id " + Long.toHexString(random.nextLong()) + "): The specified key does not exist."
            : "Lambda returned function error: {\"errorMessage\":\"2024-01-01T00:00:00.000Z "
                + Long.toHexString(random.nextLong()) + " Task timed out after 3.00 seconds\"}";
        row = new ReportRow("source-bucket", key, "", ReportRow.FAILED, "200", "PermanentFailure", message);
      } else {
        row = new ReportRow("source-bucket", key, "", ReportRow.SUCCEEDED, "200", "",
            "exists s3://source-bucket/" + key + " size=" + random.nextInt(1 << 20) + " etag=\"" + Long.toHexString(random.nextLong()) + "\"");
      }
      writer.write(row);
      written += row.toCsv().length();
    }
    writer.finish();
    long size = 0;
    try (Stream<Path> files = Files.list(dir.resolve("job-bench/results"))) {
      for (Path p : files.toList()) {
        size += Files.size(p);
      }
    }
    return size;
  }
}
