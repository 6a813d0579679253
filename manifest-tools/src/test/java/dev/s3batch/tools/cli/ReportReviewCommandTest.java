package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.tools.report.TestReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    assertThat(run.err()).contains("manifest.json: no such file").contains("and no job-<id>/manifest.json under " + dir);
  }

  /** A key (URL-encoded in the report, as AWS writes it) and a message holding ESC [2J, BEL and a bidi override. */
  private static final String NASTY_KEY_ENCODED = "evil%1B%5B2J%07%E2%80%AEgpj.exe";
  private static final String NASTY_MESSAGE = "boom \u001b[2J\u0007 \u202e end\r\nforged line";

  @Test
  void review_keyAndMessageWithControlCharacters_printsThemEscaped(@TempDir Path dir) throws IOException {
    TestReports.write(dir, "nasty", Instant.parse("2026-01-01T00:00:00Z"), List.of(
        TestReports.failed(NASTY_KEY_ENCODED, NASTY_MESSAGE),
        // a key that is not URL-encoded holds the raw characters itself
        TestReports.failed("raw\u001b]0;title\u0007.jpg", "other \u009b31m"),
        TestReports.succeeded("fine.jpg")));
    for (String[] extra : List.of(new String[0], new String[] {"--failed"})) {
      List<String> args = new ArrayList<>(List.of("report", "review", dir.resolve("job-nasty").toString()));
      args.addAll(List.of(extra));
      Run run = cli(args.toArray(String[]::new));
      assertThat(run.exit()).as(run.err()).isEqualTo(3);
      assertNoRawControlCharacters(run.out() + run.err(), extra.length > 0);
      assertThat(run.out())
          .contains("e.g. key: evil\\x1b[2J\\x07\\u202egpj.exe")
          .contains("boom \\x1b[2J\\x07 \\u202e end\\r\\nforged line")
          .contains("other \\x9b31m");
      if (extra.length > 0) {
        assertThat(run.out())
            .contains("  photos\tevil\\x1b[2J\\x07\\u202egpj.exe\t\tPermanentFailure\tboom \\x1b[2J\\x07 \\u202e end\\r\\nforged line\n")
            .contains("  photos\traw\\x1b]0;title\\x07.jpg\t");
      }
    }
  }

  @Test
  void review_json_keepsControlCharactersAsJsonEscapes(@TempDir Path dir) throws IOException {
    TestReports.write(dir, "nasty", Instant.parse("2026-01-01T00:00:00Z"),
        List.of(TestReports.failed(NASTY_KEY_ENCODED, NASTY_MESSAGE)));
    Run run = cli("report", "review", dir.resolve("job-nasty").toString(), "--json", "--failed");
    assertNoRawControlCharacters(run.out(), false);
    JsonNode task = new ObjectMapper().readTree(run.out()).path("failedTasks").get(0);
    assertThat(task.path("key").asText()).isEqualTo("evil\u001b[2J\u0007\u202egpj.exe");
    assertThat(task.path("resultMessage").asText()).isEqualTo(NASTY_MESSAGE);
  }

  /** No character below U+0020 but the line ends (and, in --failed lines, the tab between the 5 fields), no bidi control. */
  private static void assertNoRawControlCharacters(String output, boolean tabSeparatedTasks) {
    for (String line : output.split("\n", -1)) {
      String fields = line;
      if (tabSeparatedTasks && line.startsWith("  ") && line.split("\t", -1).length == 5) {
        fields = line.replace('\t', ' ');
      }
      for (char c : fields.toCharArray()) {
        assertThat(c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e'))
            .as("raw U+%04X in line %s", (int) c, line).isFalse();
      }
    }
  }

  @Test
  void review_folderOfOneJob_reviewsItSayingWhich(@TempDir Path dir) throws IOException {
    TestReports.write(dir, "only", Instant.parse("2026-01-01T00:00:00Z"), List.of(TestReports.succeeded("a.jpg")));
    Run run = cli("report", "review", dir.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    Path manifest = dir.resolve("job-only/manifest.json");
    assertThat(run.out()).startsWith("Report " + manifest + " (created 2026-01-01T00:00:00.000Z");
    assertThat(run.err()).isEqualTo("reviewing " + manifest + ", the one job report under " + dir + "/\n");
  }

  @Test
  void review_folderOfTwoJobs_reviewsTheNewestSayingWhichAndListsTheOther(@TempDir Path dir) throws IOException {
    TestReports.write(dir, "older", Instant.parse("2026-02-01T10:00:00Z"), List.of(TestReports.failed("x", "gone")));
    TestReports.write(dir, "newer", Instant.parse("2026-02-02T10:00:00Z"), List.of(TestReports.succeeded("a.jpg")));
    // the file times say the opposite: the report's creation date decides
    Files.setLastModifiedTime(dir.resolve("job-newer/manifest.json"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Run run = cli("report", "review", dir + "/");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Report " + dir.resolve("job-newer/manifest.json"));
    assertThat(run.err()).isEqualTo("2 job reports under " + dir + "/; reviewing the newest, "
        + dir.resolve("job-newer/manifest.json") + " (created 2026-02-02T10:00:00Z); the others (give one to review it):\n"
        + "  " + dir.resolve("job-older/manifest.json") + " (created 2026-02-01T10:00:00Z)\n");
  }

  @Test
  void review_folderOfJobsWithoutCreationDate_goesByFileTime(@TempDir Path dir) throws IOException {
    for (String id : List.of("a", "b")) {
      TestReports.write(dir, id, Instant.parse("2026-02-01T10:00:00Z"), List.of(TestReports.succeeded(id)));
      Path manifest = dir.resolve("job-" + id + "/manifest.json");
      Files.writeString(manifest, Files.readString(manifest).replace("2026-02-01T10:00:00.000Z", "not a date"));
    }
    Files.setLastModifiedTime(dir.resolve("job-a/manifest.json"), FileTime.from(Instant.parse("2026-03-01T00:00:00Z")));
    Files.setLastModifiedTime(dir.resolve("job-b/manifest.json"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    Run run = cli("report", "review", dir.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Report " + dir.resolve("job-a/manifest.json"));
  }

  @Test
  void review_md5MismatchWithRetryManifest_writesNoRetryManifestAndExits1(@TempDir Path dir) throws IOException {
    Path job = TestReports.write(dir.resolve("reports"), "j", Instant.parse("2026-01-01T00:00:00Z"),
        List.of(TestReports.failed("a.jpg", "gone"), TestReports.succeeded("b.jpg")));
    Path failedFile = job.resolve("results/f" + "0".repeat(39) + ".csv");
    Files.writeString(failedFile, Files.readString(failedFile).replace("a.jpg", "z.jpg"));
    Path retry = dir.resolve("out/retry.csv");
    Run run = cli("report", "review", job.toString(), "--retry-manifest", retry.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains(failedFile + ": MD5 ").contains("no retry manifest written to " + retry);
    assertThat(run.out()).doesNotContain("Retry manifest:");
    assertThat(retry).doesNotExist();
    assertThat(retry.getParent()).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }

  @Test
  void review_resultFileMissingWithRetryManifest_writesNoRetryManifestAndExits1(@TempDir Path dir) throws IOException {
    Path job = TestReports.write(dir, "j", Instant.parse("2026-01-01T00:00:00Z"),
        List.of(TestReports.failed("a.jpg", "gone"), TestReports.succeeded("b.jpg")));
    Path succeededFile = job.resolve("results/s" + "0".repeat(39) + ".csv");
    Files.delete(succeededFile);
    Path retry = dir.resolve("retry.csv");
    Run run = cli("report", "review", job.toString(), "--retry-manifest", retry.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains(succeededFile + ": no such file").contains("no retry manifest written to " + retry);
    assertThat(run.out()).contains("Tasks: 1, succeeded: 0, failed: 1");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("job-j");
    }
  }
}
