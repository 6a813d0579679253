package dev.s3batch.tools.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code s3batch report serve} in its own JVM with a heap far smaller than the report
 * ({@value #HEAP_MB} MB against {@code s3batch.page.memoryTestBytes}, 128 MB by default;
 * {@code bench/report-page-memory.sh} runs it on 1 GB): the page, pages of failed rows from the
 * start, middle and end, a search, and the whole report downloaded byte for byte. A server that
 * held the rows or a file would run out of memory. Prints the largest heap the GC log shows.
 */
class ReportPageMemoryTest {

  static final int HEAP_MB = 32;
  static final long BYTES = Long.getLong("s3batch.page.memoryTestBytes", 128L << 20);

  @TempDir Path dir;

  @Test
  void serve_reportManyTimesTheHeap_servesItAllInFlatMemory() throws Exception {
    long started = System.nanoTime();
    Path job = GeneratedReports.write(dir, "big", BYTES / 2, BYTES / 2, 2);
    String expected = md5(Files.newInputStream(job.resolve("results").resolve("s" + "0".repeat(39) + ".csv")),
        job.resolve("results").resolve("f0" + "0".repeat(38) + ".csv"), job.resolve("results").resolve("f1" + "0".repeat(38) + ".csv"));
    System.out.printf("report of %d MB written in %.1f s%n", BYTES >> 20, (System.nanoTime() - started) / 1e9);

    Path gcLog = dir.resolve("gc.log");
    ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx" + HEAP_MB + "m", "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
        "dev.s3batch.tools.cli.Main", "report", "serve", job.toString(), "--port", "0")
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    Process server = pb.start();
    try {
      URI page = url(server, dir.resolve("out.txt"));
      HttpClient http = HttpClient.newHttpClient();
      JsonNode summary = new ObjectMapper().readTree(
          http.send(HttpRequest.newBuilder(page.resolve("api/summary")).build(), HttpResponse.BodyHandlers.ofString()).body());
      long failed = summary.get("failed").asLong();
      for (long from : List.of(0L, failed / 2, failed - 10)) {
        String body = http.send(HttpRequest.newBuilder(page.resolve("api/failed?from=" + from + "&size=10")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).contains("\"encodedKey\":\"" + GeneratedReports.failedKey(from) + "\"");
      }
      String hit = http.send(HttpRequest.newBuilder(page.resolve("api/failed?q=failed%2F" + (failed - 1) + "%2F")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(hit).contains("\"total\":1,");

      HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(page.resolve("download/results.csv")).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(md5(download.body())).isEqualTo(expected);
      assertThat(server.isAlive()).as(Files.readString(dir.resolve("err.txt"))).isTrue();
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
    Files.copy(gcLog, Path.of("target", "report-page-gc.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    System.out.printf("served %d MB with -Xmx%dm: largest heap before a young GC %d MB, after one %d MB; %.1f s in all%n",
        BYTES >> 20, HEAP_MB, peak(gcLog, 1), peak(gcLog, 2), (System.nanoTime() - started) / 1e9);
  }

  /** Waits for {@code report serve} to print where it serves. */
  static URI url(Process server, Path out) throws Exception {
    Pattern at = Pattern.compile(" at (http://127\\.0\\.0\\.1:\\d+/) ");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      Matcher m = at.matcher(Files.readString(out));
      if (m.find()) {
        return URI.create(m.group(1));
      }
      assertThat(server.isAlive()).as("report serve ended: " + Files.readString(out.resolveSibling("err.txt"))).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("report serve printed no URL within 5 minutes");
  }

  /** The largest heap in MB the GC log shows before ({@code group} 1) or after (2) a young collection. */
  static long peak(Path gcLog, int group) throws Exception {
    Matcher m = Pattern.compile("Pause Young.* (\\d+)M->(\\d+)M").matcher(Files.readString(gcLog));
    long max = 0;
    while (m.find()) {
      max = Math.max(max, Long.parseLong(m.group(group)));
    }
    return max;
  }

  private static String md5(InputStream first, Path... more) throws Exception {
    java.security.MessageDigest md5 = GeneratedReports.md5();
    try (DigestInputStream in = new DigestInputStream(first, md5)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    for (Path p : more) {
      try (DigestInputStream in = new DigestInputStream(Files.newInputStream(p), md5)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }
    return HexFormat.of().formatHex(md5.digest());
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
