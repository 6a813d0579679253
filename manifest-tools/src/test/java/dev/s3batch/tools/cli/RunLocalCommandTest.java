package dev.s3batch.tools.cli;

import static dev.s3batch.tools.cli.ReportReviewCommandTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.tools.cli.ReportReviewCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.s3batch.testkit.Fault;
import dev.s3batch.testkit.FaultProxy;
import dev.s3batch.testkit.S3MockServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors of {@code job run-local}, and runs against S3Mock that stop before, or fail after, their tasks. */
class RunLocalCommandTest {

  private static List<String> putObjects(String bucket, int n) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String key = "obj-" + i + ".txt";
      S3MockServer.get().client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("data " + key));
      rows.add(bucket + "," + key);
    }
    return rows;
  }

  private static List<String> keys(String bucket) {
    return S3MockServer.get().client().listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(o -> o.key()).sorted().toList();
  }

  private static Path manifest(Path dir, List<String> rows) throws IOException {
    return Files.write(dir.resolve("manifest.csv"), rows, StandardCharsets.UTF_8);
  }

  private static String reportLocation(CliRun run) {
    Matcher m = Pattern.compile("Report: (.*)").matcher(run.out());
    assertThat(m.find()).as(run.toString()).isTrue();
    return m.group(1).strip();
  }

  @Test
  void runLocal_reportBucketDoesNotExist_exit2NamingReportAndNoTaskRuns(@TempDir Path dir) throws IOException {
    String bucket = S3MockServer.get().newBucket("keep");
    List<String> rows = putObjects(bucket, 20);
    List<String> before = keys(bucket);

    CliRun run = CliRun.of("job", "run-local", "--manifest", manifest(dir, rows).toString(), "--action", "delete",
        "--report", "s3://no-such-report-bucket/x", "--endpoint-url", S3MockServer.get().endpoint().toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("s3batch: --report s3://no-such-report-bucket/x: cannot write the report there")
        .contains("no-such-report-bucket/x/job-").contains("/.s3batch-write-probe");
    assertThat(run.out()).isEmpty();
    assertThat(keys(bucket)).isEqualTo(before).hasSize(20);
  }

  @Test
  void runLocal_reportFolderUnderAFile_exit2NamingReportAndNoTaskRuns(@TempDir Path dir) throws IOException {
    String bucket = S3MockServer.get().newBucket("keep");
    List<String> rows = putObjects(bucket, 5);
    Path file = Files.writeString(dir.resolve("a-file"), "x");

    CliRun run = CliRun.of("job", "run-local", "--manifest", manifest(dir, rows).toString(), "--action", "delete",
        "--report", file.resolve("reports").toString(), "--endpoint-url", S3MockServer.get().endpoint().toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("s3batch: --report " + file.resolve("reports") + ": cannot write the report there");
    assertThat(keys(bucket)).hasSize(5);
  }

  @Test
  void runLocal_reportToS3_removesItsProbe(@TempDir Path dir) throws IOException {
    String bucket = S3MockServer.get().newBucket("data");
    String reports = S3MockServer.get().newBucket("reports");
    CliRun run = CliRun.of("job", "run-local", "--manifest", manifest(dir, putObjects(bucket, 2)).toString(),
        "--action", "head", "--report", "s3://" + reports + "/r", "--endpoint-url", S3MockServer.get().endpoint().toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(keys(reports)).hasSize(2).noneMatch(k -> k.contains("probe"));
  }

  @Test
  void runLocal_reportBucketFailsAtTheEnd_exit1KeepsTheRowsAndNamesTheirFiles(@TempDir Path dir) throws IOException {
    String bucket = S3MockServer.get().newBucket("data");
    String reports = S3MockServer.get().newBucket("reports");
    List<String> rows = putObjects(bucket, 6);
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint())) {
      proxy.inject(r -> r.operation().equals("PutObject") && r.key().contains("/results/"),
          Fault.error(404, "NoSuchBucket"), 10);

      CliRun run = CliRun.of("job", "run-local", "--manifest", manifest(dir, rows).toString(), "--action", "head",
          "--report", "s3://" + reports + "/r", "--endpoint-url", proxy.endpoint().toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
      assertThat(run.err()).contains("writing the report to s3://" + reports + "/r/job-").contains("NoSuchBucket")
          .contains("the rows are kept in ");
      Matcher kept = Pattern.compile("(\\S+s3batch-report-succeeded-\\S+\\.csv) \\(6 succeeded rows\\)").matcher(run.err());
      assertThat(kept.find()).as(run.err()).isTrue();
      Path file = Path.of(kept.group(1));
      assertThat(Files.readAllLines(file)).hasSize(6).allMatch(l -> l.startsWith(bucket + ",obj-") && l.contains(",succeeded,200,,"));
      Files.delete(file);
    }
    assertThat(keys(reports)).noneMatch(k -> k.endsWith("manifest.json"));
  }

  @Test
  void runLocal_thresholdStopsTheJob_unrunRowsListedAndInTheRetryManifest(@TempDir Path dir) throws IOException {
    String bucket = S3MockServer.get().newBucket("empty");
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      rows.add(bucket + ",missing/" + i);
    }
    Path manifest = manifest(dir, rows);

    CliRun run = CliRun.of("job", "run-local", "--manifest", manifest.toString(), "--action", "head",
        "--concurrency", "16", "--report", dir.resolve("reports").toString(),
        "--endpoint-url", S3MockServer.get().endpoint().toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
    Matcher summary = Pattern.compile("Failed: (\\d+) tasks, 0 succeeded, (\\d+) failed, 0 retried, (\\d+) never ran")
        .matcher(run.out());
    assertThat(summary.find()).as(run.out()).isTrue();
    long ran = Long.parseLong(summary.group(1));
    long never = Long.parseLong(summary.group(3));
    assertThat(ran + never).isEqualTo(1500);
    assertThat(never).isPositive();
    String job = reportLocation(run).replace("manifest.json", "");
    assertThat(run.out()).contains("Never ran: " + never + " tasks, listed in " + job + "unprocessed.csv");

    Path retry = dir.resolve("retry.csv");
    CliRun review = CliRun.of("report", "review", reportLocation(run), "--retry-manifest", retry.toString());
    assertThat(review.exitCode()).as(review.toString()).isEqualTo(ExitCodes.TASKS_FAILED);
    assertThat(review.out()).contains("Never ran: " + never + " tasks (the job stopped early), listed in "
        + job + "unprocessed.csv").contains("Retry manifest: " + retry + " (1500 tasks)");
    assertThat(Files.readAllLines(retry)).containsExactlyInAnyOrderElementsOf(rows);

    CliRun json = CliRun.of("report", "review", reportLocation(run), "--json");
    var unprocessed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).path("unprocessed");
    assertThat(unprocessed.path("tasks").asLong()).isEqualTo(never);
    assertThat(unprocessed.path("file").asText()).isEqualTo(job + "unprocessed.csv");
  }

  @Test
  void runLocal_s3Unreachable_failsNamingTheEndpointAndPrintsProgressLines(@TempDir Path dir) throws IOException {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      deadPort = socket.getLocalPort();
    }
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add("some-bucket,k" + i);
    }
    long start = System.nanoTime();

    CliRun run = CliRun.of("job", "run-local", "--manifest", manifest(dir, rows).toString(), "--action", "head",
        "--report", dir.resolve("reports").toString(), "--endpoint-url", "http://127.0.0.1:" + deadPort);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.out()).contains("Reason: cannot reach S3 at http://127.0.0.1:" + deadPort + ": ")
        .contains(" never ran");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    assertThat(run.err()).as("a line every 5 s by default when stderr is not a terminal").contains("progress: ")
        .doesNotContain("\r");
  }

  @Test
  void runLocal_badSchemaOrArguments_exit2WithMessage(@TempDir Path dir) throws IOException {
    Path manifest = Files.writeString(dir.resolve("m.csv"), "b,k\n");
    Run schema = cli("job", "run-local", "--manifest", manifest.toString(), "--report", dir.toString(),
        "--action", "head", "--schema", "3.0");
    assertThat(schema.exit()).isEqualTo(2);
    assertThat(schema.err()).contains("--schema \"3.0\" is not 1.0 or 2.0");
    Run args = cli("job", "run-local", "--manifest", manifest.toString(), "--report", dir.toString(),
        "--action", "head", "--schema", "1.0", "--arg", "k=v");
    assertThat(args.exit()).isEqualTo(2);
    assertThat(args.err()).contains("user arguments need schema 2.0");
    Run timeout = cli("job", "run-local", "--manifest", manifest.toString(), "--report", dir.toString(),
        "--action", "head", "--timeout", "901");
    assertThat(timeout.exit()).isEqualTo(2);
    assertThat(timeout.err()).contains("at most 900 seconds");
  }

  @Test
  void runLocal_unknownAction_exit2ListingKnownOnes(@TempDir Path dir) throws IOException {
    Path manifest = Files.writeString(dir.resolve("m.csv"), "b,k\n");
    Run run = cli("job", "run-local", "--manifest", manifest.toString(), "--report", dir.resolve("out").toString(),
        "--action", "frobnicate");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--action frobnicate: no such action (known: [").contains("head");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void runLocal_help_listsOptionsAndExitCodes() {
    Run run = cli("job", "run-local", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("--manifest", "--report-scope", "--max-attempts", "Exit codes");
  }
}
