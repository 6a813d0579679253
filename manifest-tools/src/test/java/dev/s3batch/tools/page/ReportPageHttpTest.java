package dev.s3batch.tools.page;

import static dev.s3batch.tools.report.TestReports.failed;
import static dev.s3batch.tools.report.TestReports.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.tools.cli.CliRun;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.TestReports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's HTTP answers, from a real Jetty on 127.0.0.1, read by a real HTTP client. */
class ReportPageHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  static ReportPage serve(Path report) throws Exception {
    return ReportPage.start(PageReport.read(ReportReader.open(report.toString(), () -> {
      throw new AssertionError("a local report needs no S3 client");
    })), "127.0.0.1", 0);
  }

  static HttpResponse<byte[]> get(ReportPage page, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(page.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode json(ReportPage page, String path) throws Exception {
    HttpResponse<byte[]> r = get(page, path);
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private Path smallReport() throws IOException {
    List<dev.s3batch.tools.report.ReportRow> rows = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      rows.add(succeeded("ok/" + i));
    }
    rows.add(failed("photos/caf%C3%A9+menu.jpg", "S3 error AccessDenied (HTTP 403, request id 1): Access Denied"));
    rows.add(failed("photos/a.jpg", "S3 error NoSuchKey (HTTP 404, request id 2): gone"));
    rows.add(failed("photos/b.jpg", "S3 error NoSuchKey (HTTP 404, request id 3): gone"));
    return TestReports.write(dir, "a1b2", Instant.parse("2026-11-30T10:00:00Z"), rows);
  }

  @Test
  void summary_ofAReport_isWhatReportReviewPrints() throws Exception {
    Path report = smallReport();
    CliRun review = CliRun.of("report", "review", "--json", report.toString());
    JsonNode expected = JSON.readTree(review.out());
    try (ReportPage page = serve(report)) {
      JsonNode s = json(page, "api/summary");

      assertThat(s.get("total").asLong()).isEqualTo(expected.get("total").asLong()).isEqualTo(10);
      assertThat(s.get("failed").asLong()).isEqualTo(expected.get("failed").asLong()).isEqualTo(3);
      assertThat(s.get("byStatus")).isEqualTo(expected.get("byStatus"));
      assertThat(s.get("byErrorCode")).isEqualTo(expected.get("byErrorCode"));
      assertThat(s.get("byMessageClass").get("S3 error NoSuchKey").asLong()).isEqualTo(2);
      assertThat(s.get("byMessageClass").get("S3 error AccessDenied").asLong()).isEqualTo(1);
      assertThat(s.get("job").asText()).isEqualTo("job-a1b2");
    }
  }

  @Test
  void failedRows_pagedThroughTheServer_everyRowOnceInOrder() throws Exception {
    Path report = GeneratedReports.write(dir, "paged", 100_000, 3_000_000, 2); // several index blocks
    try (ReportPage page = serve(report)) {
      long total = json(page, "api/summary").get("failed").asLong();
      List<String> keys = new ArrayList<>();
      for (long from = 0; from < total; from += 500) {
        JsonNode p = json(page, "api/failed?from=" + from + "&size=500");
        assertThat(p.get("total").asLong()).isEqualTo(total);
        p.get("rows").forEach(r -> keys.add(r.get("encodedKey").asText()));
      }
      assertThat(total).isGreaterThan(10_000);
      assertThat(keys).hasSize((int) total);
      for (int i = 0; i < keys.size(); i++) {
        assertThat(keys.get(i)).isEqualTo(GeneratedReports.failedKey(i));
      }
      assertThat(json(page, "api/failed?from=" + total + "&size=50").get("rows")).isEmpty();
    }
  }

  @Test
  void search_aFailedKey_findsItDecoded() throws Exception {
    try (ReportPage page = serve(smallReport())) {
      JsonNode hits = json(page, "api/failed?q=caf%C3%A9%20MENU");

      assertThat(hits.get("total").asLong()).isEqualTo(1);
      assertThat(hits.get("rows").get(0).get("key").asText()).isEqualTo("photos/café menu.jpg");
      assertThat(hits.get("rows").get(0).get("message").asText()).contains("AccessDenied");
      assertThat(json(page, "api/failed?q=NoSuchKey").get("total").asLong()).isEqualTo(2);
      assertThat(json(page, "api/failed?q=ok%2F1").get("total").asLong()).as("succeeded rows are not listed").isZero();
    }
  }

  @Test
  void failedRows_badPageSize_is400NamingTheParameters() throws Exception {
    try (ReportPage page = serve(smallReport())) {
      HttpResponse<byte[]> r = get(page, "api/failed?size=100000");

      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("size 1 to " + PageHandler.MAX_PAGE);
    }
  }

  @Test
  void download_mergedResults_isChunkedAndByteIdentical() throws Exception {
    Path report = GeneratedReports.write(dir, "merged", 300_000, 200_000, 2);
    try (ReportPage page = serve(report);
        Socket socket = new Socket("127.0.0.1", page.uri().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /download/results.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String head = head(in);

      assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("Transfer-Encoding: chunked")
          .containsIgnoringCase("Content-Type: text/csv; charset=utf-8")
          .doesNotContainIgnoringCase("Content-Length");
      assertThat(Chunked.decode(in)).isEqualTo(GeneratedReports.merged(report, false));
    }
  }

  @Test
  void download_failedRows_areTheFailedResultFilesByteForByte() throws Exception {
    Path report = GeneratedReports.write(dir, "f", 50_000, 80_000, 2);
    try (ReportPage page = serve(report)) {
      HttpResponse<byte[]> r = get(page, "download/failed.csv");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(GeneratedReports.merged(report, true));
    }
  }

  @Test
  void download_retryManifest_isTheFailedTasksAsAManifest() throws Exception {
    Path report = smallReport();
    Path written = dir.resolve("retry.csv");
    CliRun.of("report", "review", "--retry-manifest", written.toString(), report.toString());
    try (ReportPage page = serve(report)) {
      HttpResponse<byte[]> r = get(page, "download/retry-manifest.csv");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(written))
          .contains("photos,photos/caf%C3%A9+menu.jpg\n");
    }
  }

  @Test
  void download_nonAsciiJobName_hasTheRfc5987FileName() throws Exception {
    Path report = TestReports.write(dir, "Größe-東京", Instant.parse("2026-11-30T10:00:00Z"),
        List.of(failed("a", "x")));
    try (ReportPage page = serve(report)) {
      HttpResponse<byte[]> r = get(page, "download/failed.csv");

      assertThat(r.headers().firstValue("Content-Disposition")).hasValue(
          "attachment; filename=\"job-Gr__e-__-failed.csv\"; "
              + "filename*=UTF-8''job-Gr%C3%B6%C3%9Fe-%E6%9D%B1%E4%BA%AC-failed.csv");
    }
  }

  @Test
  void head_download_answersItsHeadersWithoutABody() throws Exception {
    try (ReportPage page = serve(smallReport())) {
      HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(page.uri().resolve("download/results.csv"))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
      assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; ");
      assertThat(r.body()).isEmpty();
    }
  }

  @Test
  void everyAnswer_forbidsInlineScript() throws Exception {
    try (ReportPage page = serve(smallReport())) {
      for (String path : List.of("", "page.js", "api/summary", "download/results.csv", "nowhere")) {
        String csp = get(page, path).headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as(path).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      }
      HttpResponse<byte[]> html = get(page, "");
      assertThat(new String(html.body(), StandardCharsets.UTF_8)).doesNotContainPattern("<script(?![^>]*src=)");
    }
  }

  /** Reads the status line and headers, up to the blank line. */
  static String head(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (!sb.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("the answer ended in its headers: " + sb);
      }
      sb.append((char) c);
    }
    return sb.toString();
  }
}
