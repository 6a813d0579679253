package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.testkit.NastyKeys;
import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.cli.Main;
import dev.s3batch.tools.manifest.KeyEncoder;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.ReportRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Manifest, run-local, report and review, against S3Mock over HTTP, through the CLI. */
class RunLocalE2ETest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static S3MockServer s3mock;
  private static S3Client s3;

  @TempDir Path dir;

  /** What one CLI run printed and returned. */
  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() {
    s3mock = S3MockServer.get();
    s3 = s3mock.client();
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.region", "us-east-1");
  }

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** A run-local command line against S3Mock, the function's credentials set. */
  static List<String> common(String... args) {
    List<String> all = aws(args);
    all.addAll(List.of("--env", "AWS_ACCESS_KEY_ID=test", "--env", "AWS_SECRET_ACCESS_KEY=test"));
    return all;
  }

  /** A command line against S3Mock. */
  static List<String> aws(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint-url", s3mock.endpoint().toString(), "--region", "us-east-1"));
    return all;
  }

  static String reportLocation(Run run) {
    Matcher m = Pattern.compile("Report: (.*)").matcher(run.out());
    assertThat(m.find()).as("summary names the report: %s %s", run.out(), run.err()).isTrue();
    return m.group(1).strip();
  }

  static List<ReportRow> rows(String report) throws IOException {
    List<ReportRow> rows = new ArrayList<>();
    assertThat(ReportReader.open(report, () -> s3).read(false, rows::add)).as("MD5 of every result file").isEmpty();
    return rows;
  }

  private Path manifestOf(String bucket, List<String> keys) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String k : keys) {
      sb.append(bucket).append(',').append(KeyEncoder.encode(k)).append('\n');
    }
    return Files.writeString(dir.resolve("manifest.csv"), sb, StandardCharsets.UTF_8);
  }

  @Test
  void runLocal_nastyKeysWithHead_reportsEveryRowOnceMissingOnesNoSuchKey() throws IOException {
    String bucket = s3mock.newBucket("nasty");
    // a manifest's key field holds at most 1,024 characters: run-local refuses the longer ones, as AWS does
    List<String> keys = NastyKeys.all().stream().filter(k -> KeyEncoder.encode(k).length() <= 1024).toList();
    Set<String> missing = new HashSet<>();
    Set<String> unreachable = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      // S3Mock's Tomcat answers 400 to any request for a key with a backslash (AWS accepts it):
      // such a key cannot be uploaded here, and its row must say so (failed, HTTP 400).
      if (keys.get(i).contains("\\")) {
        unreachable.add(keys.get(i));
      } else if (i % 5 == 3) {
        missing.add(keys.get(i));
      } else {
        String key = keys.get(i);
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x"));
      }
    }
    Path manifest = manifestOf(bucket, keys);

    Run run = cli(common("job", "run-local", "--manifest", manifest.toString(), "--report", dir.resolve("reports").toString(),
        "--action", "head", "--env", "S3BATCH_KEY_FORMAT=plain", "--concurrency", "4").toArray(String[]::new));

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
    int failing = missing.size() + unreachable.size();
    assertThat(unreachable).isNotEmpty();
    assertThat(run.out()).contains("Complete: " + keys.size() + " tasks, " + (keys.size() - failing)
        + " succeeded, " + failing + " failed");
    List<ReportRow> rows = rows(reportLocation(run));
    Map<String, ReportRow> byKey = new HashMap<>();
    for (ReportRow r : rows) {
      assertThat(byKey.put(r.key(), r)).as("row for %s appears once", r.key()).isNull();
    }
    assertThat(rows).hasSize(keys.size());
    for (String key : keys) {
      ReportRow row = byKey.get(KeyEncoder.encode(key));
      assertThat(row).as("row for key %s", key).isNotNull();
      assertThat(row.bucket()).isEqualTo(bucket);
      if (unreachable.contains(key)) {
        assertThat(row.taskStatus()).as(key).isEqualTo("failed");
        assertThat(row.resultMessage()).as(key).contains("HTTP 400");
      } else if (missing.contains(key)) {
        assertThat(row.taskStatus()).as(key).isEqualTo("failed");
        assertThat(row.httpStatusCode()).isEqualTo("200");
        assertThat(row.errorCode()).isEqualTo("PermanentFailure");
        assertThat(row.resultMessage()).as(key).contains("NoSuchKey");
      } else {
        assertThat(row.taskStatus()).as("%s: %s", key, row.resultMessage()).isEqualTo("succeeded");
        assertThat(row.errorCode()).isEmpty();
        assertThat(row.resultMessage()).startsWith("exists s3://" + bucket + "/");
      }
    }

    // review: exit 3, retry manifest holds exactly the missing keys, byte for byte as encoded
    Path retry = dir.resolve("retry.csv");
    Run review = cli(aws("report", "review", reportLocation(run), "--retry-manifest", retry.toString(), "--failed")
        .toArray(String[]::new));
    assertThat(review.exit()).as(review.out() + review.err()).isEqualTo(3);
    assertThat(review.out()).contains("Tasks: " + keys.size() + ", succeeded: " + (keys.size() - failing)
        + ", failed: " + failing).contains("MD5 ok").contains("e.g. key: ");
    Set<String> expectedRetry = new HashSet<>();
    missing.forEach(k -> expectedRetry.add(bucket + "," + KeyEncoder.encode(k)));
    unreachable.forEach(k -> expectedRetry.add(bucket + "," + KeyEncoder.encode(k)));
    assertThat(Files.readAllLines(retry, StandardCharsets.UTF_8)).containsExactlyInAnyOrderElementsOf(expectedRetry);

    // the retry manifest runs again: the same keys fail again, the others are not touched
    Run again = cli(common("job", "run-local", "--manifest", retry.toString(), "--report", dir.resolve("reports2").toString(),
        "--action", "head", "--env", "S3BATCH_KEY_FORMAT=plain").toArray(String[]::new));
    assertThat(again.exit()).isEqualTo(3);
    assertThat(rows(reportLocation(again))).hasSize(failing).allSatisfy(r -> assertThat(r.failed()).isTrue());
  }

  @Test
  void reportReview_json_printsTotalsAndFailedTasks() throws IOException {
    String bucket = s3mock.newBucket("json");
    s3.putObject(b -> b.bucket(bucket).key("here.txt"), RequestBody.fromString("x"));
    Path manifest = manifestOf(bucket, List.of("here.txt", "gone 1.txt", "gone 2.txt"));
    Run run = cli(common("job", "run-local", "--manifest", manifest.toString(), "--report", dir.resolve("r").toString(),
        "--action", "head").toArray(String[]::new));
    Run review = cli(aws("report", "review", dir.resolve("r").toString(), "--json", "--failed").toArray(String[]::new));
    assertThat(review.exit()).as(review.err()).isEqualTo(3);
    JsonNode json = MAPPER.readTree(review.out());
    assertThat(json.path("manifest").asText()).isEqualTo(reportLocation(run));
    assertThat(json.path("total").asLong()).isEqualTo(3);
    assertThat(json.path("failed").asLong()).isEqualTo(2);
    assertThat(json.path("byStatus").path("succeeded").asLong()).isEqualTo(1);
    assertThat(json.path("byErrorCode").path("PermanentFailure/200").asLong()).isEqualTo(2);
    assertThat(json.path("md5Problems")).isEmpty();
    List<String> failedKeys = new ArrayList<>();
    json.path("failedTasks").forEach(t -> failedKeys.add(t.path("key").asText()));
    assertThat(failedKeys).containsExactlyInAnyOrder("gone 1.txt", "gone 2.txt");
  }

  @Test
  void runLocal_temporaryTwiceThenSuccess_reportsSucceeded() throws IOException {
    Path manifest = manifestOf("flaky-bucket", List.of("a.txt", "b c.txt"));
    Run run = cli(common("job", "run-local", "--manifest", manifest.toString(), "--report", dir.toString(),
        "--action", "flaky-twice", "--max-attempts", "3").toArray(String[]::new));
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("2 succeeded, 0 failed, 4 retried");
    assertThat(rows(reportLocation(run))).extracting(ReportRow::toCsv).containsExactlyInAnyOrder(
        "flaky-bucket,a.txt,,succeeded,200,,done on attempt 3\n", "flaky-bucket,b%20c.txt,,succeeded,200,,done on attempt 3\n");
  }

  @Test
  void runLocal_log_holdsOneLinePerAttemptWithItsKey_andWithoutItTheJobIsTheSame() throws IOException {
    // flaky-twice counts attempts per object for the whole JVM: each run has buckets of its own
    Path manifest = manifestOf("flaky-logged", List.of("a.txt", "b c.txt"));
    Path silentManifest = Files.writeString(dir.resolve("silent.csv"), "flaky-silent,a.txt\nflaky-silent,b%20c.txt\n");
    Path log = dir.resolve("function.log");
    Run logged = cli(common("job", "run-local", "--manifest", manifest.toString(), "--report", dir.resolve("r1").toString(),
        "--action", "flaky-twice", "--max-attempts", "3", "--log", log.toString()).toArray(String[]::new));
    Run silent = cli(common("job", "run-local", "--manifest", silentManifest.toString(), "--report", dir.resolve("r2").toString(),
        "--action", "flaky-twice", "--max-attempts", "3").toArray(String[]::new));

    assertThat(logged.exit()).as(logged.out() + logged.err()).isZero();
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(6);
    List<String> attempts = new ArrayList<>();
    for (String line : lines) {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      assertThat(node.path("event").asText()).isEqualTo("task");
      attempts.add(node.path("s3Key").asText() + " " + node.path("resultCode").asText());
    }
    assertThat(attempts).containsExactlyInAnyOrder(
        "a.txt TemporaryFailure", "a.txt TemporaryFailure", "a.txt Succeeded",
        "b%20c.txt TemporaryFailure", "b%20c.txt TemporaryFailure", "b%20c.txt Succeeded");

    // without --log the lines go nowhere (not to the terminal), and the job is the same
    assertThat(silent.exit()).as(silent.out() + silent.err()).isZero();
    assertThat(silent.out() + silent.err()).doesNotContain("\"event\"");
    assertThat(rows(reportLocation(silent))).extracting(ReportRow::toCsv).containsExactlyInAnyOrderElementsOf(
        rows(reportLocation(logged)).stream().map(r -> r.toCsv().replace("flaky-logged,", "flaky-silent,")).toList());
  }

  @Test
  void runLocal_alwaysTemporary_reportsFailedWithLastMessage() throws IOException {
    Path manifest = manifestOf("busy-bucket", List.of("x.txt"));
    Run run = cli(common("job", "run-local", "--manifest", manifest.toString(), "--report", dir.toString(),
        "--action", "always-temporary", "--max-attempts", "2").toArray(String[]::new));
    assertThat(run.exit()).isEqualTo(3);
    assertThat(rows(reportLocation(run))).extracting(ReportRow::toCsv)
        .containsExactly("busy-bucket,x.txt,,failed,200,TemporaryFailure,\"still busy, attempt 2\"\n");
  }

  @Test
  void runLocal_reportToS3_writesManifestAndResultsUnderPrefix() throws IOException {
    String bucket = s3mock.newBucket("data");
    String reports = s3mock.newBucket("reports");
    s3.putObject(b -> b.bucket(bucket).key("k1"), RequestBody.fromString("x"));
    s3.putObject(b -> b.bucket(bucket).key("manifest.csv"), RequestBody.fromString(bucket + ",k1\n" + bucket + ",k2\n"));
    Run run = cli(common("job", "run-local", "--manifest", "s3://" + bucket + "/manifest.csv",
        "--report", "s3://" + reports + "/batch/reports", "--action", "head").toArray(String[]::new));
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
    String report = reportLocation(run);
    assertThat(report).matches("s3://" + reports + "/batch/reports/job-[0-9a-f-]{36}/manifest\\.json");
    List<String> keys = s3.listObjectsV2(b -> b.bucket(reports)).contents().stream().map(o -> o.key()).toList();
    assertThat(keys).hasSize(3).allMatch(k -> k.matches("batch/reports/job-[0-9a-f-]{36}/(manifest\\.json|results/[0-9a-f]{40}\\.csv)"));
    JsonNode manifest = MAPPER.readTree(s3.getObjectAsBytes(b -> b.bucket(reports)
        .key(report.substring(("s3://" + reports + "/").length()))).asByteArray());
    manifest.path("Results").forEach(r -> {
      assertThat(r.path("Bucket").asText()).isEqualTo(reports);
      assertThat(keys).contains(r.path("Key").asText());
    });
    assertThat(rows(report)).extracting(ReportRow::key, ReportRow::taskStatus)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("k1", "succeeded"), org.assertj.core.groups.Tuple.tuple("k2", "failed"));
    Run review = cli(aws("report", "review", "s3://" + reports + "/" + report.substring(("s3://" + reports + "/").length(),
        report.length() - "manifest.json".length())).toArray(String[]::new));
    assertThat(review.exit()).as(review.err()).isEqualTo(3);
    assertThat(review.out()).contains("MD5 ok").contains("failed: 1");
  }

  @Test
  void runLocal_everyTaskFails_jobFailsPastThresholdAndStopsIssuing() throws IOException {
    String bucket = s3mock.newBucket("empty");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      keys.add("missing/" + i);
    }
    Path manifest = manifestOf(bucket, keys);
    Run run = cli(common("job", "run-local", "--manifest", manifest.toString(), "--report", dir.toString(),
        "--action", "head", "--concurrency", "16").toArray(String[]::new));
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains(" Failed: ").contains("failure threshold");
    List<ReportRow> rows = rows(reportLocation(run));
    assertThat(rows.size()).isBetween(1000, 1016);
    assertThat(rows).allSatisfy(r -> assertThat(r.failed()).isTrue());
  }

  @Test
  void runLocal_badManifestRow_exits2BeforeAnyTask() throws IOException {
    Path manifest = Files.writeString(dir.resolve("bad.csv"), "bkt,k1\nbkt,k2,v2\n");
    Run run = cli(common("job", "run-local", "--manifest", manifest.toString(), "--report", dir.resolve("out").toString(),
        "--action", "head").toArray(String[]::new));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--manifest " + manifest + " line 2: 3 fields after rows of 2; a manifest has a version id on every row or on none");
    assertThat(dir.resolve("out")).doesNotExist();
  }
  @Test
  void runLocal_inventoryManifestInS3_runsEveryObjectOfItsGzippedFiles() throws IOException {
    String data = s3mock.newBucket("inv-data");
    String dest = s3mock.newBucket("inv-dest");
    s3.putObject(b -> b.bucket(data).key("inv a.txt"), RequestBody.fromString("x"));
    s3.putObject(b -> b.bucket(data).key("inv+b.txt"), RequestBody.fromString("x"));
    s3.putObject(b -> b.bucket(dest).key("inv/cfg/data/part1.csv.gz"), RequestBody.fromBytes(gzip(
        "\"" + data + "\",\"inv%20a.txt\",\"\",\"1\"\n\"" + data + "\",\"inv%2Bb.txt\",\"\",\"1\"\n")));
    s3.putObject(b -> b.bucket(dest).key("inv/cfg/data/part2.csv.gz"), RequestBody.fromBytes(gzip(
        "\"" + data + "\",\"not%20there.txt\",\"\",\"1\"\n")));
    String manifest = "{\"sourceBucket\":\"" + data + "\",\"destinationBucket\":\"arn:aws:s3:::" + dest + "\","
        + "\"version\":\"2016-11-30\",\"fileFormat\":\"CSV\",\"fileSchema\":\"Bucket, Key, VersionId, Size\","
        + "\"files\":[{\"key\":\"inv/cfg/data/part1.csv.gz\"},{\"key\":\"inv/cfg/data/part2.csv.gz\"}]}";
    s3.putObject(b -> b.bucket(dest).key("inv/cfg/2024-01-01T00-00Z/manifest.json"), RequestBody.fromString(manifest));

    Run run = cli(common("job", "run-local", "--manifest", "s3://" + dest + "/inv/cfg/2024-01-01T00-00Z/manifest.json",
        "--report", dir.toString(), "--action", "head").toArray(String[]::new));

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(rows(reportLocation(run))).extracting(ReportRow::key, ReportRow::taskStatus).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("inv%20a.txt", "succeeded"),
        org.assertj.core.groups.Tuple.tuple("inv%2Bb.txt", "succeeded"),
        org.assertj.core.groups.Tuple.tuple("not%20there.txt", "failed"));
  }

  @Test
  void runLocal_versionedManifest_headsEachVersionAndReportsVersionIds() throws IOException {
    String bucket = s3mock.newVersionedBucket("versions");
    String v1 = s3.putObject(b -> b.bucket(bucket).key("doc.txt"), RequestBody.fromString("one")).versionId();
    String v2 = s3.putObject(b -> b.bucket(bucket).key("doc.txt"), RequestBody.fromString("two!")).versionId();
    Path manifest = Files.writeString(dir.resolve("versions.csv"),
        bucket + ",doc.txt," + v1 + "\n" + bucket + ",doc.txt," + v2 + "\n" + bucket + ",doc.txt,no-such-version\n");
    Run run = cli(common("job", "run-local", "--manifest", manifest.toString(), "--report", dir.toString(),
        "--action", "head").toArray(String[]::new));
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
    Map<String, ReportRow> byVersion = new HashMap<>();
    rows(reportLocation(run)).forEach(r -> byVersion.put(r.versionId(), r));
    assertThat(byVersion.get(v1).resultMessage()).contains("size=3").contains("versionId=" + v1);
    assertThat(byVersion.get(v2).resultMessage()).contains("size=4").contains("versionId=" + v2);
    assertThat(byVersion.get("no-such-version").taskStatus()).isEqualTo("failed");

    Path retry = dir.resolve("retry-versions.csv");
    cli(aws("report", "review", reportLocation(run), "--retry-manifest", retry.toString()).toArray(String[]::new));
    assertThat(Files.readString(retry)).isEqualTo(bucket + ",doc.txt,no-such-version\n");
  }

  private static byte[] gzip(String text) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
