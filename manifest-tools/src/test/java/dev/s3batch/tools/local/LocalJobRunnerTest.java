package dev.s3batch.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.handler.event.SchemaVersion;
import dev.s3batch.tools.manifest.ManifestReader;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.ReportRow;
import dev.s3batch.tools.report.ReportScope;
import dev.s3batch.tools.report.ReportStore;
import dev.s3batch.tools.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJobRunnerTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  /** A function that answers every task with {@code code} and {@code message}. */
  static RequestStreamHandler answering(String code, String message) {
    return (in, out, context) -> {
      JsonNode event = MAPPER.readTree(in);
      answer(out, event, code, message);
    };
  }

  static void answer(OutputStream out, JsonNode event, String code, String message) throws IOException {
    var response = MAPPER.createObjectNode()
        .put("invocationSchemaVersion", event.path("invocationSchemaVersion").asText())
        .put("treatMissingKeysAs", "PermanentFailure")
        .put("invocationId", event.path("invocationId").asText());
    response.putArray("results").addObject()
        .put("taskId", event.path("tasks").get(0).path("taskId").asText())
        .put("resultCode", code)
        .put("resultString", message);
    out.write(MAPPER.writeValueAsBytes(response));
  }

  private Path manifest(int tasks) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < tasks; i++) {
      sb.append("bucket1,key%20").append(i).append('\n');
    }
    return Files.writeString(dir.resolve("manifest-" + tasks + ".csv"), sb);
  }

  private JobResult run(RequestStreamHandler handler, RunSettings settings, Path manifest) throws IOException {
    LocalJobRunner runner = new LocalJobRunner(handler, settings, line -> {});
    return run(runner, manifest);
  }

  private JobResult run(LocalJobRunner runner, Path manifest) throws IOException {
    ReportWriter report = new ReportWriter(ReportStore.of(dir.resolve("reports").toString(), () -> null), runner.jobId(),
        ReportScope.AllTasks);
    return runner.run(() -> ManifestReader.open(manifest.toString(), () -> null), report);
  }

  private static List<ReportRow> rows(JobResult result) throws IOException {
    List<ReportRow> rows = new ArrayList<>();
    assertThat(ReportReader.open(result.report(), () -> null).read(false, rows::add)).isEmpty();
    return rows;
  }

  private static String onlyRowBytes(JobResult result) throws IOException {
    List<ReportRow> rows = rows(result);
    assertThat(rows).hasSize(1);
    return rows.get(0).toCsv();
  }

  @Test
  void run_everyTaskSucceeds_reportsEachManifestRowOnceWithFreshIds() throws IOException {
    Set<String> taskIds = ConcurrentHashMap.newKeySet();
    Set<String> invocationIds = ConcurrentHashMap.newKeySet();
    RequestStreamHandler handler = (in, out, context) -> {
      JsonNode event = MAPPER.readTree(in);
      taskIds.add(event.path("tasks").get(0).path("taskId").asText());
      invocationIds.add(event.path("invocationId").asText());
      answer(out, event, "Succeeded", "ok " + event.path("tasks").get(0).path("s3Key").asText());
    };
    JobResult result = run(handler, RunSettings.defaults().withConcurrency(8), manifest(200));

    assertThat(result.status()).isEqualTo(JobStatus.Complete);
    assertThat(result.progress().succeeded()).isEqualTo(200);
    assertThat(taskIds).hasSize(200);
    assertThat(invocationIds).hasSize(200);
    List<String> keys = rows(result).stream().map(ReportRow::key).sorted().toList();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      expected.add("key%20" + i);
    }
    assertThat(keys).containsExactlyElementsOf(expected.stream().sorted().toList());
    assertThat(rows(result)).allSatisfy(r -> assertThat(r.toCsv()).isEqualTo("bucket1," + r.key() + ",,succeeded,200,,ok " + r.key() + "\n"));
  }

  @Test
  void run_schema2WithArguments_sendsUserArgumentsAndBucketName() throws IOException {
    List<JsonNode> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    RequestStreamHandler handler = (in, out, context) -> {
      JsonNode event = MAPPER.readTree(in);
      events.add(event);
      answer(out, event, "Succeeded", "");
    };
    run(handler, RunSettings.defaults().withSchema(SchemaVersion.V2_0, Map.of("k1", "v1")), manifest(1));
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.path("invocationSchemaVersion").asText()).isEqualTo("2.0");
      assertThat(e.path("job").path("userArguments").path("k1").asText()).isEqualTo("v1");
      assertThat(e.path("tasks").get(0).path("s3Bucket").asText()).isEqualTo("bucket1");
      assertThat(e.path("tasks").get(0).path("s3Key").asText()).isEqualTo("key%200");
    });
  }

  @Test
  void run_handlerThrows_reportsFunctionErrorAsAwsWritesIt() throws IOException {
    RequestStreamHandler handler = (in, out, context) -> {
      throw new IllegalStateException("boom \"quoted\"");
    };
    assertThat(onlyRowBytes(run(handler, RunSettings.defaults(), manifest(1)))).isEqualTo(
        "bucket1,key%200,,failed,200,PermanentFailure,\"Lambda returned function error: "
            + "{\"\"errorMessage\"\":\"\"boom \\\"\"quoted\\\"\"\"\",\"\"errorType\"\":\"\"java.lang.IllegalStateException\"\"}\"\n");
  }

  @Test
  void run_handlerPrintsInvalidJson_reportsInvalidJsonPayload() throws IOException {
    for (String output : List.of("not json", "", "[]", "{\"invocationId\":\"x\"}",
        "{\"results\":[{\"taskId\":\"someone-else\",\"resultCode\":\"Succeeded\"}]}")) {
      RequestStreamHandler handler = (in, out, context) -> out.write(output.getBytes(StandardCharsets.UTF_8));
      assertThat(onlyRowBytes(run(handler, RunSettings.defaults(), manifest(1)))).as(output)
          .isEqualTo("bucket1,key%200,,failed,200,PermanentFailure,Invalid JSON returned in Lambda payload\n");
    }
  }

  @Test
  void run_unknownResultCode_reportsInvalidJsonPayload() throws IOException {
    assertThat(onlyRowBytes(run(answering("Maybe", "x"), RunSettings.defaults(), manifest(1))))
        .isEqualTo("bucket1,key%200,,failed,200,PermanentFailure,Invalid JSON returned in Lambda payload\n");
  }

  @Test
  void run_handlerSleepsPastTimeout_reportsLambdaTimeout() throws IOException {
    CountDownLatch never = new CountDownLatch(1);
    RequestStreamHandler handler = (in, out, context) -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        // Lambda freezes the sandbox; here the worker is interrupted and gives up
      }
    };
    long start = System.nanoTime();
    String row = onlyRowBytes(run(handler, RunSettings.defaults().withTimeout(Duration.ofSeconds(1)), manifest(1)));
    assertThat(row).matches(
        "bucket1,key%200,,failed,200,PermanentFailure,\"Lambda returned function error: \\{\"\"errorMessage\"\":\"\""
            + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z [0-9a-f-]{36} Task timed out after 1\\.00 seconds\"\"}\"\n");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void run_handlerIgnoresTheInterruptPastTimeout_theJobGoesOnWithoutItAndEveryTaskRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RequestStreamHandler handler = (in, out, context) -> {
      JsonNode event = MAPPER.readTree(in);
      if (event.path("tasks").get(0).path("s3Key").asText().equals("key%200")) {
        while (release.getCount() > 0) {
          try {
            release.await();
          } catch (InterruptedException e) {
            // a frozen sandbox's code does not stop for it
          }
        }
      }
      answer(out, event, "Succeeded", "done");
    };
    try {
      // one lane: the tasks after the stuck one can only run if the lane goes on in another thread
      JobResult result = run(handler, RunSettings.defaults().withConcurrency(1).withTimeout(Duration.ofSeconds(1)),
          manifest(3));
      assertThat(release.getCount()).isEqualTo(1); // the stuck handler still runs
      assertThat(rows(result)).extracting(ReportRow::toCsv).satisfiesExactlyInAnyOrder(
          r -> assertThat(r).startsWith("bucket1,key%200,,failed,200,PermanentFailure,\"Lambda returned function error:")
              .contains("Task timed out after 1.00 seconds"),
          r -> assertThat(r).isEqualTo("bucket1,key%201,,succeeded,200,,done\n"),
          r -> assertThat(r).isEqualTo("bucket1,key%202,,succeeded,200,,done\n"));
      assertThat(result.status()).isEqualTo(JobStatus.Complete);
    } finally {
      release.countDown();
    }
  }

  @Test
  void run_remainingTime_isTheTimeout() throws IOException {
    AtomicInteger remaining = new AtomicInteger();
    RequestStreamHandler handler = (in, out, context) -> {
      remaining.set(context.getRemainingTimeInMillis());
      answer(out, MAPPER.readTree(in), "Succeeded", "");
    };
    run(handler, RunSettings.defaults().withTimeout(Duration.ofSeconds(7)), manifest(1));
    assertThat(remaining.get()).isBetween(6000, 7000);
  }

  @Test
  void run_temporaryFailureTwiceThenSuccess_reportsSucceeded() throws IOException {
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    RequestStreamHandler handler = (in, out, context) -> {
      JsonNode event = MAPPER.readTree(in);
      int n = attempts.computeIfAbsent(event.path("tasks").get(0).path("taskId").asText(), k -> new AtomicInteger()).incrementAndGet();
      answer(out, event, n <= 2 ? "TemporaryFailure" : "Succeeded", "attempt " + n);
    };
    JobResult result = run(handler, RunSettings.defaults().withInitialBackoff(Duration.ofMillis(10)), manifest(3));
    assertThat(rows(result)).extracting(ReportRow::toCsv).containsExactlyInAnyOrder(
        "bucket1,key%200,,succeeded,200,,attempt 3\n", "bucket1,key%201,,succeeded,200,,attempt 3\n",
        "bucket1,key%202,,succeeded,200,,attempt 3\n");
    assertThat(result.progress().retried()).isEqualTo(6);
    assertThat(attempts).hasSize(3).allSatisfy((k, v) -> assertThat(v.get()).isEqualTo(3));
  }

  @Test
  void run_alwaysTemporaryFailure_reportsLastMessageAfterMaxAttempts() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    RequestStreamHandler handler = (in, out, context) ->
        answer(out, MAPPER.readTree(in), "TemporaryFailure", "SlowDown, attempt " + calls.incrementAndGet());
    JobResult result = run(handler, RunSettings.defaults().withMaxAttempts(4).withInitialBackoff(Duration.ofMillis(10)), manifest(1));
    assertThat(onlyRowBytes(result)).isEqualTo("bucket1,key%200,,failed,200,TemporaryFailure,\"SlowDown, attempt 4\"\n");
    assertThat(calls.get()).isEqualTo(4);
  }

  @Test
  void run_allTasksFail_failsJobAfterThresholdAndStopsIssuing() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    RequestStreamHandler handler = (in, out, context) -> {
      calls.incrementAndGet();
      answer(out, MAPPER.readTree(in), "PermanentFailure", "nope");
    };
    JobResult result = run(handler, RunSettings.defaults().withConcurrency(4), manifest(1200));
    assertThat(result.status()).isEqualTo(JobStatus.Failed);
    assertThat(result.failureReason()).contains("failure threshold");
    assertThat(result.progress().total()).isEqualTo(1200);
    assertThat(result.progress().done()).isBetween(1000L, 1004L);
    assertThat(calls.get()).isEqualTo((int) result.progress().done());
    assertThat(rows(result)).hasSize((int) result.progress().done());
  }

  @Test
  void run_halfFail_completes() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    RequestStreamHandler handler = (in, out, context) ->
        answer(out, MAPPER.readTree(in), calls.incrementAndGet() % 2 == 0 ? "PermanentFailure" : "Succeeded", "");
    JobResult result = run(handler, RunSettings.defaults().withConcurrency(1), manifest(1200));
    assertThat(result.status()).isEqualTo(JobStatus.Complete);
    assertThat(result.progress().failed()).isEqualTo(600);
  }

  @Test
  void cancel_whileTasksRun_issuesNoMoreTasksAndReportsWhatRan() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    RequestStreamHandler handler = (in, out, context) -> {
      calls.incrementAndGet();
      JsonNode event = MAPPER.readTree(in);
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer(out, event, "Succeeded", "done");
    };
    LocalJobRunner runner = new LocalJobRunner(handler, RunSettings.defaults().withConcurrency(2), line -> {});
    Path manifest = manifest(100);
    var future = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return run(runner, manifest);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    runner.cancel();
    release.countDown();
    JobResult result = future.get(30, TimeUnit.SECONDS);
    assertThat(result.status()).isEqualTo(JobStatus.Cancelled);
    assertThat(calls.get()).isEqualTo(2);
    assertThat(rows(result)).hasSize(2).allSatisfy(r -> assertThat(r.taskStatus()).isEqualTo("succeeded"));
    assertThat(runner.awaitFinished(Duration.ZERO)).isTrue();
  }
  @Test
  void run_manifestChangesBadAfterPreparation_publishesNoReportAndFails() throws Exception {
    Path good = manifest(3);
    Path bad = Files.writeString(dir.resolve("bad.csv"), "bucket1,a\nbucket1,b,v2\n");
    AtomicInteger opened = new AtomicInteger();
    LocalJobRunner runner = new LocalJobRunner(answering("Succeeded", ""), RunSettings.defaults(), line -> {});
    ReportWriter report = new ReportWriter(ReportStore.of(dir.resolve("reports").toString(), () -> null), runner.jobId(),
        ReportScope.AllTasks);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.run(
            () -> ManifestReader.open((opened.getAndIncrement() == 0 ? good : bad).toString(), () -> null), report))
        .isInstanceOf(dev.s3batch.tools.manifest.InvalidManifestException.class)
        .hasMessageContaining("bad.csv line 2: ");
    assertThat(dir.resolve("reports")).doesNotExist();
    assertThat(runner.awaitFinished(Duration.ZERO)).isTrue();
  }

  /** The rows of the report's unprocessed.csv, as written. */
  private static List<String> unprocessedRows(JobResult result) throws IOException {
    if (result.unprocessedReport().isEmpty()) {
      return List.of();
    }
    return Files.readAllLines(Path.of(result.unprocessedReport()), StandardCharsets.UTF_8);
  }

  /** Every manifest row is once in the report's rows or once in unprocessed.csv. */
  private static void assertEveryRowOnce(Path manifest, JobResult result) throws IOException {
    List<String> accounted = new ArrayList<>();
    rows(result).forEach(r -> accounted.add(r.bucket() + "," + r.key()));
    accounted.addAll(unprocessedRows(result));
    assertThat(accounted).containsExactlyInAnyOrderElementsOf(Files.readAllLines(manifest, StandardCharsets.UTF_8));
    assertThat(result.unprocessed()).isEqualTo(unprocessedRows(result).size());
    assertThat(result.progress().done() + result.unprocessed()).isEqualTo(result.progress().total());
  }

  @Test
  void run_thresholdCrossed_listsEveryRowThatNeverRanOnceInUnprocessed() throws IOException {
    Path manifest = manifest(3000);
    JobResult result = run(answering("PermanentFailure", "nope"), RunSettings.defaults().withConcurrency(8), manifest);

    assertThat(result.status()).isEqualTo(JobStatus.Failed);
    assertThat(result.unprocessed()).isBetween(1900L, 2000L);
    assertThat(result.unprocessedReport()).isEqualTo(
        dir.resolve("reports").resolve("job-" + result.jobId()).resolve("unprocessed.csv").toString());
    assertEveryRowOnce(manifest, result);
  }

  @Test
  void run_complete_writesNoUnprocessedFile() throws IOException {
    JobResult result = run(answering("Succeeded", ""), RunSettings.defaults(), manifest(5));
    assertThat(result.unprocessed()).isZero();
    assertThat(result.unprocessedReport()).isEmpty();
    assertThat(dir.resolve("reports").resolve("job-" + result.jobId()).resolve("unprocessed.csv")).doesNotExist();
  }

  @Test
  void cancel_listsEveryRowThatNeverRanOnceInUnprocessed() throws Exception {
    CountDownLatch started = new CountDownLatch(3);
    CountDownLatch release = new CountDownLatch(1);
    RequestStreamHandler handler = (in, out, context) -> {
      JsonNode event = MAPPER.readTree(in);
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer(out, event, "Succeeded", "done");
    };
    LocalJobRunner runner = new LocalJobRunner(handler, RunSettings.defaults().withConcurrency(3), line -> {});
    Path manifest = manifest(500);
    var future = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return run(runner, manifest);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    runner.cancel();
    release.countDown();
    JobResult result = future.get(30, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(JobStatus.Cancelled);
    assertThat(result.unprocessed()).isEqualTo(497);
    assertEveryRowOnce(manifest, result);
  }

  @Test
  void run_s3Unreachable_stopsAsFailedNamingEndpointAndListsTheRest() throws IOException {
    int deadPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      deadPort = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + deadPort;
    RequestStreamHandler handler = new dev.s3batch.handler.S3BatchHandler(Map.of("S3BATCH_ACTION", "head",
        "AWS_ENDPOINT_URL", endpoint, "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test",
        "AWS_SECRET_ACCESS_KEY", "test"));
    Path manifest = manifest(400);
    long start = System.nanoTime();
    JobResult result = run(handler, RunSettings.defaults().withConcurrency(4).withInitialBackoff(Duration.ofMillis(10))
        .withUnreachableAfter(Duration.ofMillis(200)).withS3Endpoint(endpoint), manifest);

    assertThat(result.status()).isEqualTo(JobStatus.Failed);
    assertThat(result.failureReason()).startsWith("cannot reach S3 at " + endpoint + ": ");
    assertThat(result.unprocessed()).isGreaterThan(300);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertEveryRowOnce(manifest, result);
  }

  @Test
  void run_someConnectionFaultsAmongAnswers_doesNotStop() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    RequestStreamHandler handler = (in, out, context) -> answer(out, MAPPER.readTree(in),
        calls.incrementAndGet() % 5 == 0 ? "Succeeded" : "PermanentFailure", "connection fault: Connection refused");
    JobResult result = run(handler, RunSettings.defaults().withConcurrency(1).withUnreachableAfter(Duration.ZERO), manifest(100));
    assertThat(result.status()).isEqualTo(JobStatus.Complete);
    assertThat(result.progress().done()).isEqualTo(100);
  }

  @Test
  void run_reportFolderReplacedByAFileMidJob_keepsTheTemporaryRowsAndNamesThem() throws IOException {
    Path reports = dir.resolve("reports");
    AtomicInteger calls = new AtomicInteger();
    RequestStreamHandler handler = (in, out, context) -> {
      if (calls.incrementAndGet() == 1) {
        Files.writeString(reports, "not a folder any more");
      }
      answer(out, MAPPER.readTree(in), "Succeeded", "ok");
    };
    LocalJobRunner runner = new LocalJobRunner(handler, RunSettings.defaults().withConcurrency(1), line -> {});
    ReportWriter report = new ReportWriter(ReportStore.of(reports.toString(), () -> null), runner.jobId(), ReportScope.AllTasks);
    Path manifest = manifest(7);

    var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> runner.run(() -> ManifestReader.open(manifest.toString(), () -> null), report),
        dev.s3batch.tools.report.ReportNotWrittenException.class);

    assertThat(thrown.kept()).singleElement().satisfies(kept -> {
      assertThat(thrown.getMessage()).contains("writing the report to " + reports.resolve("job-" + runner.jobId()))
          .contains("the rows are kept in " + kept + " (7 succeeded rows)");
      try {
        assertThat(Files.readAllLines(kept)).hasSize(7).allMatch(l -> l.endsWith(",succeeded,200,,ok"));
        Files.delete(kept);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @Test
  void run_reportFolderCannotBeCreated_failsBeforeAnyTask() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    AtomicInteger calls = new AtomicInteger();
    RequestStreamHandler handler = (in, out, context) -> {
      calls.incrementAndGet();
      answer(out, MAPPER.readTree(in), "Succeeded", "");
    };
    LocalJobRunner runner = new LocalJobRunner(handler, RunSettings.defaults(), line -> {});
    ReportWriter report = new ReportWriter(ReportStore.of(file.resolve("reports").toString(), () -> null), runner.jobId(),
        ReportScope.AllTasks);
    Path manifest = manifest(3);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> runner.run(() -> ManifestReader.open(manifest.toString(), () -> null), report))
        .isInstanceOf(dev.s3batch.tools.report.ReportDestinationException.class)
        .hasMessageContaining(file.resolve("reports") + ": cannot write the report there");
    assertThat(calls.get()).isZero();
  }

  @Test
  void run_probe_leavesNoTraceInTheReportFolder() throws IOException {
    JobResult result = run(answering("Succeeded", ""), RunSettings.defaults(), manifest(2));
    try (var files = Files.walk(dir.resolve("reports"))) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains("probe")).anyMatch(n -> n.equals("manifest.json"));
    }
    assertThat(result.status()).isEqualTo(JobStatus.Complete);
  }
}
