package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportReviewCommandTest {

  record Run(int exit, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path fixture(String name) {
    try {
      return Path.of(ReportReviewCommandTest.class.getResource("/reports/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void review_awsExample_printsTotalsMessagesAndExits3() {
    Run run = cli("report", "review", fixture("aws-example").toString(), "--failed");
    assertThat(run.exit()).as(run.err()).isEqualTo(3);
    assertThat(run.out())
        .contains("MD5 ok")
        .contains("Tasks: 2, succeeded: 1, failed: 1")
        .contains("PermanentFailure/200")
        .contains("-/200")
        .contains("Lambda returned function error: {\"errorMessage\":\"... Task timed out after 3.00 seconds\"}")
        .contains("e.g. key: image_14975")
        .contains("awsexamplebucket1\timage_14975\t\tPermanentFailure\t");
  }

  @Test
  void review_json_isOneObjectWithCounts() throws IOException {
    Run run = cli("report", "review", fixture("aws-example").toString(), "--json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("total").asLong()).isEqualTo(2);
    assertThat(json.path("byStatus").path("failed").asLong()).isEqualTo(1);
    assertThat(json.path("topFailureMessages").get(0).path("exampleKey").asText()).isEqualTo("image_14975");
  }

  @Test
  void review_retryManifest_writesFailedRowsKeysAsEncoded(@TempDir Path dir) throws IOException {
    Path retry = dir.resolve("retry.csv");
    Run run = cli("report", "review", fixture("documented-order").toString() + "/job-1/manifest.json",
        "--retry-manifest", retry.toString());
    assertThat(run.exit()).isEqualTo(3);
    assertThat(Files.readString(retry, StandardCharsets.UTF_8)).isEqualTo("bucket1,photo%20one.jpg,v1\n");
    assertThat(run.out()).contains("Retry manifest: " + retry + " (1 tasks)");
  }

  @Test
  void review_resultFileChanged_exits1NamingTheFile(@TempDir Path dir) throws IOException {
    Path job = dir.resolve("job-1");
    Files.createDirectories(job.resolve("results"));
    Path source = fixture("documented-order/job-1");
    Files.copy(source.resolve("manifest.json"), job.resolve("manifest.json"));
    Files.writeString(job.resolve("results/2222222222222222222222222222222222222222.csv"), "b,k,,succeeded,200,,tampered\n");
    Run run = cli("report", "review", dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("2222222222222222222222222222222222222222.csv: MD5 ");
  }

  @Test
  void review_noReportThere_exits2(@TempDir Path dir) {
    Run run = cli("report", "review", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("manifest.json: no such file");
  }
}
