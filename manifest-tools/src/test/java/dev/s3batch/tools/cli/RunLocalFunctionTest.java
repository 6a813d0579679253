package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.tools.lambdaclient.FakeLambdaEndpoint;
import dev.s3batch.tools.lambdaclient.FakeLambdaEndpoint.Reply;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.ReportRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code job run-local --function}: each task through the real SDK client to a local Invoke
 * endpoint, Lambda-level answers treated as S3 Batch Operations treats them.
 */
class RunLocalFunctionTest {

  @TempDir Path dir;

  private Path manifest(int n) throws IOException {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add("bucket1,key-" + i);
    }
    return Files.write(dir.resolve("manifest.csv"), rows);
  }

  private CliRun runLocal(FakeLambdaEndpoint lambda, Path manifest, String... more) {
    List<String> args = new ArrayList<>(List.of("job", "run-local", "--manifest", manifest.toString(),
        "--report", dir.resolve("reports").toString(), "--function", "s3batch",
        "--lambda-endpoint-url", lambda.endpoint().toString(), "--concurrency", "4"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<ReportRow> rows(CliRun run) throws IOException {
    Matcher m = Pattern.compile("Report: (.*)").matcher(run.out());
    assertThat(m.find()).as(run.toString()).isTrue();
    List<ReportRow> rows = new ArrayList<>();
    ReportReader.open(m.group(1).strip(), () -> null).read(false, rows::add);
    return rows;
  }

  private static boolean dryRun(FakeLambdaEndpoint.Request r) {
    return "DryRun".equals(r.header("X-Amz-Invocation-Type"));
  }

  private static String key(FakeLambdaEndpoint.Request r) {
    try {
      return r.json().path("tasks").get(0).path("s3Key").asText();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void runLocal_function_throttlingAndServiceErrorsRetried_everyTaskAnsweredOnce() throws IOException {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(r -> {
      if (dryRun(r)) {
        return new Reply(204, Map.of(), new byte[0]);
      }
      int n = calls.computeIfAbsent(key(r), k -> new AtomicInteger()).incrementAndGet();
      return switch (n) {
        case 1 -> Reply.error(429, "TooManyRequestsException", "Rate exceeded");
        case 2 -> Reply.error(502, "ServiceException", "bad gateway");
        default -> FakeLambdaEndpoint.answer(r, "Succeeded", "ok " + key(r));
      };
    })) {
      CliRun run = runLocal(lambda, manifest(30));

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains(": 30 tasks, 30 succeeded, 0 failed, 0 retried");
      assertThat(rows(run)).hasSize(30).allSatisfy(row ->
          assertThat(row.toCsv()).isEqualTo("bucket1," + row.key() + ",,succeeded,200,,ok " + row.key() + "\n"));
      assertThat(calls).hasSize(30).allSatisfy((k, n) -> assertThat(n.get()).as(k).isEqualTo(3));
      assertThat(lambda.requests()).filteredOn(RunLocalFunctionTest::dryRun).hasSize(1);
      assertThat(dryRun(lambda.requests().get(0))).as("DryRun goes first").isTrue();
    }
  }

  @Test
  void runLocal_functionErrorTimeoutAndRefusal_reportedAsS3BatchReportsThem() throws IOException {
    String timedOut = "{\"errorMessage\":\"2026-12-01T22:00:00.000Z 5a1c Task timed out after 3.00 seconds\"}";
    String thrown = "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[]}";
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(r -> {
      if (dryRun(r)) {
        return new Reply(204, Map.of(), new byte[0]);
      }
      return switch (key(r)) {
        case "key-0" -> Reply.json(200, timedOut, Map.of("X-Amz-Function-Error", "Unhandled"));
        case "key-1" -> Reply.json(200, thrown, Map.of("X-Amz-Function-Error", "Unhandled"));
        case "key-2" -> Reply.error(413, "RequestTooLargeException", "Request must be smaller than 6291456 bytes");
        case "key-3" -> Reply.json(200, "not json", Map.of());
        default -> FakeLambdaEndpoint.answer(r, "TemporaryFailure", "later");
      };
    })) {
      CliRun run = runLocal(lambda, manifest(5), "--max-attempts", "2");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TASKS_FAILED);
      assertThat(rows(run)).extracting(ReportRow::toCsv).containsExactlyInAnyOrder(
          "bucket1,key-0,,failed,200,PermanentFailure,\"Lambda returned function error: "
              + timedOut.replace("\"", "\"\"") + "\"\n",
          "bucket1,key-1,,failed,200,PermanentFailure,\"Lambda returned function error: "
              + thrown.replace("\"", "\"\"") + "\"\n",
          "bucket1,key-2,,failed,413,RequestTooLargeException,Lambda Invoke failed: RequestTooLargeException (HTTP 413):"
              + " Request must be smaller than 6291456 bytes\n",
          "bucket1,key-3,,failed,200,PermanentFailure,Invalid JSON returned in Lambda payload\n",
          "bucket1,key-4,,failed,200,TemporaryFailure,later\n");
      assertThat(lambda.requests()).filteredOn(r -> !dryRun(r) && key(r).equals("key-4")).as("redriven").hasSize(2);
      assertThat(lambda.requests()).filteredOn(r -> !dryRun(r) && key(r).equals("key-2")).as("a 413 is not retried")
          .hasSize(1);
    }
  }

  @Test
  void runLocal_noSuchFunction_exit2BeforeAnyTaskAndNoReport() throws IOException {
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(
        r -> Reply.error(404, "ResourceNotFoundException", "Function not found: s3batch"))) {
      CliRun run = runLocal(lambda, manifest(3));

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("--function s3batch at " + lambda.endpoint()
          + ": DryRun answered ResourceNotFoundException (HTTP 404): Function not found: s3batch");
      assertThat(lambda.requests()).singleElement().satisfies(r -> assertThat(dryRun(r)).isTrue());
      assertThat(dir.resolve("reports")).doesNotExist();
    }
  }

  @Test
  void runLocal_sampleThroughFunction_invokesOnlyTheDrawnRows() throws IOException {
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(r -> dryRun(r)
        ? new Reply(204, Map.of(), new byte[0]) : FakeLambdaEndpoint.answer(r, "Succeeded", ""))) {
      CliRun run = runLocal(lambda, manifest(200), "--sample", "12", "--seed", "4");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("Sample: a sample of 12 tasks drawn from 200 manifest rows");
      List<String> invoked = lambda.requests().stream().filter(r -> !dryRun(r)).map(RunLocalFunctionTest::key).sorted()
          .toList();
      assertThat(invoked).hasSize(12).doesNotHaveDuplicates()
          .isEqualTo(rows(run).stream().map(ReportRow::key).sorted().toList());
    }
  }

  @Test
  void runLocal_functionWithInProcessOptions_exit2NamingBoth() throws IOException {
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(r -> new Reply(204, Map.of(), new byte[0]))) {
      Path manifest = manifest(1);
      assertThat(runLocal(lambda, manifest, "--action", "head").err()).contains("--function and --action contradict");
      assertThat(runLocal(lambda, manifest, "--env", "A=B").err()).contains("--function and --env contradict");
      assertThat(runLocal(lambda, manifest, "--timeout", "5").err()).contains("--function and --timeout contradict");
      assertThat(lambda.requests()).isEmpty();
    }
    CliRun endpointOnly = CliRun.of("job", "run-local", "--manifest", dir.resolve("manifest.csv").toString(), "--report",
        dir.resolve("reports").toString(), "--action", "head", "--lambda-endpoint-url", "http://127.0.0.1:1");
    assertThat(endpointOnly.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(endpointOnly.err()).contains("--lambda-endpoint-url needs --function NAME|ARN");
    assertThat(dir.resolve("reports")).doesNotExist();
  }
}
