package dev.s3batch.e2e;

import static dev.s3batch.e2e.RunLocalE2ETest.cli;
import static dev.s3batch.e2e.RunLocalE2ETest.reportLocation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.cli.ExitCodes;
import dev.s3batch.tools.lambda.FunctionSpec;
import dev.s3batch.tools.lambda.LambdaService;
import dev.s3batch.tools.manifest.KeyEncoder;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.ReportRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code invoke --function} and {@code job run-local --function} through {@code lambda serve}
 * hosting the shipped lambda jar (its S3 is S3Mock): the same job gives the same report rows
 * in this process and through Lambda's Invoke API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunLocalFunctionE2ETest {

  private static final String HANDLER = "dev.s3batch.handler.S3BatchHandler::handleRequest";
  private static final int TASKS = 1000;

  @TempDir Path dir;

  private S3MockServer s3mock;
  private String bucket;
  private LambdaService service;
  private Path manifest;

  @BeforeAll
  void start(@TempDir Path files) throws IOException {
    s3mock = S3MockServer.get();
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.region", "us-east-1");
    bucket = s3mock.newBucket("lambda-path");
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      String key = "lambda path/obj " + i + "+ü.txt";
      if (i % 10 == 0) {
        s3mock.client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("object " + key));
      }
      rows.add(bucket + "," + KeyEncoder.encode(key));
    }
    manifest = Files.write(files.resolve("manifest.csv"), rows, StandardCharsets.UTF_8);
    service = LambdaService.start(List.of(
        FunctionSpec.parse("s3batch=" + HANDLER + "@" + LambdaRuntimeProcess.lambdaJar()).withEnv(Map.of(
            "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "us-east-1",
            "AWS_ENDPOINT_URL", s3mock.endpoint().toString(), "S3BATCH_ACTION", "head")).withTimeout(120)),
        0);
  }

  @AfterAll
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  /** The report's rows as CSV lines, sorted, S3's request ids (which differ per request) blanked. */
  private static List<String> rows(String report) throws IOException {
    List<String> rows = new ArrayList<>();
    ReportReader.open(report, () -> null).read(false, r -> rows.add(r.toCsv().replaceAll("request id [^)]*", "request id *")));
    return rows.stream().sorted().toList();
  }

  @Test
  void runLocal_functionThroughLambdaServe_sameReportRowsAsInProcess() throws IOException {
    RunLocalE2ETest.Run inProcess = cli("job", "run-local", "--manifest", manifest.toString(), "--action", "head",
        "--report", dir.resolve("in-process").toString(), "--concurrency", "8",
        "--endpoint-url", s3mock.endpoint().toString(), "--region", "us-east-1",
        "--env", "AWS_ACCESS_KEY_ID=test", "--env", "AWS_SECRET_ACCESS_KEY=test");
    RunLocalE2ETest.Run deployed = cli("job", "run-local", "--manifest", manifest.toString(), "--function", "s3batch",
        "--lambda-endpoint-url", service.endpoint().toString(), "--region", "us-east-1",
        "--report", dir.resolve("through-lambda").toString(), "--concurrency", "8");

    // 900 of 1,000 tasks fail (no such key): past the threshold once the last task ran, in both runs alike.
    assertThat(inProcess.exit()).as(inProcess.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(deployed.exit()).as(deployed.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(deployed.out()).contains(" Failed: 1000 tasks, 100 succeeded, 900 failed, 0 retried")
        .contains("Reason: the failure threshold was crossed: 900 of 1000 tasks failed");
    List<String> expected = rows(reportLocation(inProcess));
    assertThat(expected).hasSize(TASKS);
    assertThat(expected.stream().filter(r -> r.contains(",succeeded,200,,")).toList()).as("%s", expected.subList(0, 2))
        .hasSize(TASKS / 10).allMatch(r -> r.contains("exists s3://" + bucket + "/lambda path/obj "));
    assertThat(rows(reportLocation(deployed))).containsExactlyElementsOf(expected);
  }

  @Test
  void invoke_functionThroughLambdaServe_printsTheResponseAndThisInvocationsLogLine() {
    String key = "lambda path/obj 0+ü.txt";
    RunLocalE2ETest.Run run = cli("invoke", "--bucket", bucket, "--key", key, "--function", "s3batch",
        "--lambda-endpoint-url", service.endpoint().toString(), "--region", "us-east-1");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"resultCode\":\"Succeeded\"", "exists s3://" + bucket + "/" + key);
    assertThat(run.err()).as("the decoded log tail").contains("START RequestId: ", "END RequestId: ")
        .contains(KeyEncoder.encode(key));
  }

  @Test
  void invoke_dryRunAndUnknownFunctionThroughLambdaServe_204AndExit2() {
    RunLocalE2ETest.Run dryRun = cli("invoke", "--bucket", bucket, "--key", "k", "--function", "s3batch", "--dry-run",
        "--lambda-endpoint-url", service.endpoint().toString(), "--region", "us-east-1");
    RunLocalE2ETest.Run unknown = cli("job", "run-local", "--manifest", manifest.toString(), "--function", "nope",
        "--lambda-endpoint-url", service.endpoint().toString(), "--region", "us-east-1",
        "--report", dir.resolve("never").toString());

    assertThat(dryRun.exit()).as(dryRun.toString()).isZero();
    assertThat(dryRun.out()).contains("DryRun of s3batch: HTTP 204");
    assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("--function nope at " + service.endpoint() + ": DryRun answered ResourceNotFoundException (HTTP 404)");
    assertThat(dir.resolve("never")).doesNotExist();
  }
}
