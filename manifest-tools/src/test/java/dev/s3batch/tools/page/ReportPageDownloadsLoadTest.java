package dev.s3batch.tools.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code s3batch report serve} in its own JVM with a {@value #HEAP_MB} MB heap under
 * {@value #DOWNLOADS} downloads at once (the three kinds in turn), each client reading slowly at
 * first so that they overlap. The server streams {@link Downloads#MAX_AT_ONCE} at once and answers
 * the others 503 with {@code Retry-After}, after which they try again: every download must end
 * with its last chunk and be byte-identical to the files on disk (the retry manifest to the failed
 * rows' bucket and key); the server must stay within its heap (it ran out of it when every
 * download was queued instead), and answer the page and its summary afterwards.
 */
class ReportPageDownloadsLoadTest {

  static final int DOWNLOADS = 50;
  static final int HEAP_MB = 32;
  private static final List<String> KINDS = List.of("results.csv", "failed.csv", "retry-manifest.csv");

  @TempDir Path dir;

  @Test
  void serve_fiftyDownloadsAtOnce_everyOneCompleteAndByteIdenticalHeapBoundedServerHealthy() throws Exception {
    Path job = GeneratedReports.write(dir, "load", 2L << 20, 2L << 20, 2);
    Map<String, byte[]> expected = Map.of("results.csv", GeneratedReports.merged(job, false),
        "failed.csv", GeneratedReports.merged(job, true), "retry-manifest.csv", retryManifest(job));
    Path gcLog = dir.resolve("gc.log");
    Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog,
        "-cp", System.getProperty("java.class.path"),
        "dev.s3batch.tools.cli.Main", "report", "serve", job.toString(), "--port", "0")
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
    ExecutorService clients = Executors.newFixedThreadPool(DOWNLOADS);
    try {
      URI page = ReportPageMemoryTest.url(server, dir.resolve("out.txt"));
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clients).build();
      CountDownLatch go = new CountDownLatch(1);
      AtomicInteger open = new AtomicInteger();
      AtomicInteger mostOpen = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      ExecutorService callers = Executors.newFixedThreadPool(DOWNLOADS);
      List<Future<byte[]>> downloads = new ArrayList<>();
      try {
        for (int i = 0; i < DOWNLOADS; i++) {
          String kind = KINDS.get(i % KINDS.size());
          downloads.add(callers.submit(() -> {
            go.await();
            for (int attempt = 1; ; attempt++) {
              HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(page.resolve("download/" + kind)).build(),
                  HttpResponse.BodyHandlers.ofInputStream());
              if (r.statusCode() == 503 && attempt < 100) {
                String why = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(why).isEqualTo(Downloads.MAX_AT_ONCE + " downloads are running, the most this server"
                    + " streams at once; try again in 2 seconds\n");
                assertThat(r.headers().firstValue("Retry-After")).contains("2");
                refused.incrementAndGet();
                Thread.sleep(2000);
                continue;
              }
              assertThat(r.statusCode()).as(kind).isEqualTo(200);
              mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
              try (InputStream in = r.body()) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write(in.readNBytes(16 * 1024));
                Thread.sleep(200); // a slow start: the downloads overlap, the server's writes block
                in.transferTo(body);
                return body.toByteArray();
              } finally {
                open.decrementAndGet();
              }
            }
          }));
        }
        go.countDown();
        for (int i = 0; i < DOWNLOADS; i++) {
          String kind = KINDS.get(i % KINDS.size());
          byte[] body;
          try {
            body = downloads.get(i).get(180, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            throw new AssertionError("download " + i + " (" + kind + ") failed; the server's log: "
                + Files.readString(dir.resolve("err.txt")) + Files.readString(dir.resolve("out.txt")), e.getCause());
          }
          assertThat(Arrays.equals(body, expected.get(kind))).as("download %d (%s): %d bytes, expected %d", i, kind,
              body.length, expected.get(kind).length).isTrue();
        }
      } finally {
        callers.shutdownNow();
      }

      assertThat(server.isAlive()).as(Files.readString(dir.resolve("err.txt"))).isTrue();
      HttpResponse<String> summary = http.send(HttpRequest.newBuilder(page.resolve("api/summary")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(summary.statusCode()).isEqualTo(200);
      assertThat(summary.body()).contains("\"failed\":");
      assertThat(http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      long peak = ReportPageMemoryTest.peak(gcLog, 1);
      System.out.printf("%d downloads at once (%d MB in all): %d answers 503 (retried after Retry-After), at most %d"
              + " open together, every one complete and identical; largest heap before a young GC %d MB (-Xmx%dm)%n",
          DOWNLOADS, expected.values().stream().mapToLong(b -> b.length).sum() * DOWNLOADS / KINDS.size() >> 20,
          refused.get(), mostOpen.get(), peak, HEAP_MB);
      assertThat(refused.get()).as("downloads refused while %d ran", Downloads.MAX_AT_ONCE).isPositive();
      assertThat(mostOpen.get()).as("downloads open at the same time").isGreaterThan(1);
      assertThat(peak).isLessThanOrEqualTo(HEAP_MB);
    } finally {
      clients.shutdownNow();
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The retry manifest the failed rows make: bucket and key as the report has them, one a line. */
  private static byte[] retryManifest(Path job) throws IOException {
    StringBuilder rows = new StringBuilder();
    for (String line : new String(GeneratedReports.merged(job, true), StandardCharsets.UTF_8).split("\n")) {
      String[] fields = line.split(",", 3);
      rows.append(fields[0]).append(',').append(fields[1]).append('\n');
    }
    return rows.toString().getBytes(StandardCharsets.UTF_8);
  }
}
