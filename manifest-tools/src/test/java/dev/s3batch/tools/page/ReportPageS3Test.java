package dev.s3batch.tools.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3batch.testkit.Fault;
import dev.s3batch.testkit.FaultProxy;
import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.TestReports;
import java.io.EOFException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The page of a report in S3 (S3Mock behind a FaultProxy): what a client sees when S3 fails. */
class ReportPageS3Test {

  private static String report;
  private static String bucketName;

  /** A report of a succeeded file of 400 kB (past any buffer) and two failed ones of 50 kB, in S3. */
  @BeforeAll
  static void upload(@TempDir Path dir) throws Exception {
    String bucket = S3MockServer.get().newBucket("page-reports");
    Path job = GeneratedReports.write(dir, "s3", 400_000, 100_000, 2);
    TestReports.upload(S3MockServer.get().client(), job, bucket, "jobs/job-s3/");
    report = "s3://" + bucket + "/jobs/"; // the prefix of the jobs' folders: the page finds the newest
    bucketName = bucket;
  }

  private static S3Client client(FaultProxy proxy) {
    return S3Client.builder().endpointOverride(proxy.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Test
  void page_everyS3Call_isAReadOfTheReportPrefix_asTheReportPageRoleGrants() throws Exception {
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint()); S3Client s3 = client(proxy)) {
      try (ReportPage page = ReportPage.start(PageReport.read(ReportReader.open(report, () -> s3)), "127.0.0.1", 0)) {
        ReportPageHttpTest.json(page, "api/failed?from=10&size=20");
        ReportPageHttpTest.json(page, "api/failed?q=failed%2F7%2F");
        for (String d : java.util.List.of("results.csv", "failed.csv", "retry-manifest.csv")) {
          assertThat(ReportPageHttpTest.get(page, "download/" + d).statusCode()).isEqualTo(200);
        }
      }
      // Policies.reportPageRole(): s3:GetObject under the prefix, s3:ListBucket with s3:prefix under it.
      assertThat(proxy.requests()).isNotEmpty().allSatisfy(r -> {
        assertThat(r.bucket()).as(r.toString()).isEqualTo(bucketName);
        assertThat(r.operation()).as(r.toString()).isIn("GetObject", "ListObjectsV2");
        if (r.operation().equals("GetObject")) {
          assertThat(r.key()).as(r.toString()).startsWith("jobs/");
        } else {
          assertThat(r.queryParameter("prefix")).as(r.toString()).hasValueSatisfying(p -> assertThat(p).startsWith("jobs/"));
        }
      });
      assertThat(proxy.requests()).anyMatch(r -> r.operation().equals("ListObjectsV2"));
      assertThat(proxy.requests()).anyMatch(r -> r.header("Range").isPresent());
    }
  }

  @Test
  void download_s3ErrorBeforeTheFirstByte_is502WithAOneLineReason() throws Exception {
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint()); S3Client s3 = client(proxy);
        ReportPage page = ReportPage.start(PageReport.read(ReportReader.open(report, () -> s3)), "127.0.0.1", 0)) {
      proxy.inject(r -> r.method().equals("GET") && r.key().contains("/results/s"), Fault.error(403, "AccessDenied"), 1);

      HttpResponse<byte[]> r = ReportPageHttpTest.get(page, "download/results.csv");

      String body = new String(r.body(), StandardCharsets.UTF_8);
      assertThat(r.statusCode()).isEqualTo(502);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
      assertThat(body).endsWith("\n").doesNotContain("\r").contains("AccessDenied").contains(report + "job-s3/results/s");
      assertThat(body.indexOf('\n')).isEqualTo(body.length() - 1);
    }
  }

  @Test
  void download_s3ErrorAfterTheFirstByte_abortsTheConnection() throws Exception {
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint()); S3Client s3 = client(proxy);
        ReportPage page = ReportPage.start(PageReport.read(ReportReader.open(report, () -> s3)), "127.0.0.1", 0);
        Socket socket = new Socket("127.0.0.1", page.uri().getPort())) {
      proxy.inject(r -> r.method().equals("GET") && r.key().contains("/results/f1"), Fault.error(403, "AccessDenied"), 1);
      socket.getOutputStream().write("GET /download/results.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();

      assertThat(ReportPageHttpTest.head(in)).startsWith("HTTP/1.1 200").containsIgnoringCase("Transfer-Encoding: chunked");
      assertThatThrownBy(() -> Chunked.decode(in)).as("no last chunk: the client cannot take it for a whole file")
          .isInstanceOf(EOFException.class);
    }
  }

  @Test
  void download_s3ErrorAfterTheFirstByte_httpClientSeesAnError() throws Exception {
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint()); S3Client s3 = client(proxy);
        ReportPage page = ReportPage.start(PageReport.read(ReportReader.open(report, () -> s3)), "127.0.0.1", 0)) {
      proxy.inject(r -> r.method().equals("GET") && r.key().contains("/results/f1"), Fault.error(403, "AccessDenied"), 1);

      assertThatThrownBy(() -> ReportPageHttpTest.get(page, "download/results.csv")).isInstanceOf(java.io.IOException.class);
    }
  }
}
