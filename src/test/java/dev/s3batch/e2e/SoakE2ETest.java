package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.testkit.Fault;
import dev.s3batch.testkit.FaultMix;
import dev.s3batch.testkit.FaultProxy;
import dev.s3batch.testkit.RecordedRequest;
import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.lambda.FunctionSpec;
import dev.s3batch.tools.lambda.LambdaService;
import dev.s3batch.tools.report.ReportRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * A soak run: a copy job and a move job at once (a job runs one action), through {@code job
 * run-local}, against S3Mock behind a {@link FaultProxy} breaking 20% of the function's requests
 * ({@link FaultMix}: 503 SlowDown, 500, reset, closed before any status line, answer lost after S3
 * acted, an error inside a 200, a slow answer). The function's SDK makes one attempt per request
 * ({@code AWS_MAX_ATTEMPTS=1}), so the faults reach the handler: with the SDK's default three,
 * nearly all would be retried away unseen. (Not all of them even so: the JDK's HTTP client, under
 * the SDK's URL-connection client, sends a request without a body once more by itself when its
 * connection is reset or closed before any status line, so those faults on HeadObject, CopyObject,
 * UploadPartCopy, ListParts, DeleteObject or AbortMultipartUpload mostly pass unseen; a request
 * that carries a {@code Content-Length}, a body or CreateMultipartUpload's {@code Content-Length: 0},
 * is never sent again.) Then what must hold: every manifest row once in the
 * report; no invocation answered PermanentFailure (every fault is temporary); every succeeded copy
 * byte-identical (SHA-256); no move source gone without an identical copy; open uploads only for
 * failed tasks; the review's retry manifest lists exactly the failed rows, and its rerun brings
 * both jobs to 100% with no upload left open. The same soak runs once more through {@code lambda
 * serve} hosting the shipped jar ({@code run-local --function}): the faults then also cross Lambda's
 * Invoke API and the runtime interface client.
 *
 * <p>500 tasks here, to fit the suite's time: 2,000 take about 225 CPU seconds (S3Mock costs 10
 * to 25 ms of CPU a request). Through {@code lambda serve} 100, none of them big (one object in 200
 * is): a multipart copy through {@code lambda serve} is {@link CrashE2ETest}'s.
 * {@code -Ds3batch.soak.tasks=N} and {@code -Ds3batch.soak.functionTasks=N} for more:
 * {@code bench/soak.sh} runs 10,000 by default; {@code -Ds3batch.soak.bigEvery=N} makes one object
 * in N big (200 unless set), for a soak of multipart copies. The figures (lost
 * CreateMultipartUpload answers among them) go to stdout and, with
 * {@code -Ds3batch.soak.figures=FILE}, to FILE. An upload left open under a task that did not
 * fail is shown with the multipart requests of its key as the proxy took them (each with the fault
 * it met) and the log lines of its key's invocations.
 */
class SoakE2ETest {

  private static final int TASKS = Integer.getInteger("s3batch.soak.tasks", 500);
  private static final int FUNCTION_TASKS = Integer.getInteger("s3batch.soak.functionTasks", 100);
  private static final String HANDLER = "dev.s3batch.handler.S3BatchHandler::handleRequest";
  private static final long SEED = Long.getLong("s3batch.soak.seed", 13);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static S3Client s3;

  @TempDir Path dir;
  private SoakFixture fixture;
  /** The requests the proxy broke (the very instances it records), with the fault each met. */
  private final Map<RecordedRequest, Fault> faults = Collections.synchronizedMap(new IdentityHashMap<>());
  /** When set, the jobs' tasks go through it ({@code run-local --function}). */
  private LambdaService lambda;

  @BeforeAll
  static void start() {
    s3 = S3MockServer.get().client();
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.region", "us-east-1");
  }

  @Test
  void runLocal_copyAndMoveUnderTwentyPercentFaults_everyRowOnceCopiesIdenticalAndRerunReaches100Percent()
      throws Exception {
    soak(TASKS, false);
  }

  /** The same soak with every task sent through {@code lambda serve} hosting the shipped jar ({@code --function}). */
  @Test
  void runLocalFunction_copyAndMoveThroughLambdaServeUnderTwentyPercentFaults_everyRowOnceCopiesIdenticalAndRerunReaches100Percent()
      throws Exception {
    soak(FUNCTION_TASKS, true);
  }

  private void soak(int tasks, boolean throughLambdaServe) throws Exception {
    Map<String, String> figures = new LinkedHashMap<>();
    Clock clock = new Clock();
    SoakFixture f = SoakFixture.create(s3, S3MockServer.get().newBucket("soak-src"),
        S3MockServer.get().newBucket("soak-dst"), tasks, SEED, dir);
    fixture = f;
    figures.put("tasks", tasks + " (" + tasks / 2 + " copy, " + (tasks - tasks / 2) + " move; " + f.big + " of "
        + SoakFixture.BIG_SIZE + "+ bytes, copied in parts), seed " + SEED
        + (throughLambdaServe ? ", through lambda serve (run-local --function)" : ", in-process (run-local)"));
    figures.put("fixture", clock.lap());
    FaultMix mix = new FaultMix(SEED, 0.2, Duration.ofMillis(150));
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint());
        LambdaService service = throughLambdaServe ? lambdaServe(proxy) : null) {
      lambda = service;
      AtomicLong lostCreates = new AtomicLong();
      proxy.injectEach(r -> {
        Fault fault = mix.apply(r);
        if (fault != null) {
          faults.put(r, fault);
        }
        if (fault instanceof Fault.AnswerLost && r.operation().equals("CreateMultipartUpload")) {
          lostCreates.incrementAndGet();
        }
        return fault;
      });
      CompletableFuture<RunLocalE2ETest.Run> copy =
          CompletableFuture.supplyAsync(() -> run(proxy, "copy", f.copyManifest, "first"));
      RunLocalE2ETest.Run move = run(proxy, "move", f.moveManifest, "first");
      RunLocalE2ETest.Run copied = copy.get();
      mix.pause();
      figures.put("first run", clock.lap());
      figures.put("requests through the proxy", mix.requests() + ", faults injected " + mix.total() + " "
          + mix.injected() + "; CreateMultipartUpload answers lost " + lostCreates.get());

      List<ReportRow> copyRows = checkFirstRun(copied, f.copyManifest, "copy", figures);
      List<ReportRow> moveRows = checkFirstRun(move, f.moveManifest, "move", figures);
      checkNoSourceMovedWithoutACopy(moveRows);
      checkOpenUploadsBelongToFailedTasks(proxy, copyRows, moveRows);
      long found = count(copyRows, "already copied") + count(moveRows, "moved (already copied)")
          + count(moveRows, "already moved");
      figures.put("found done on a redrive", count(copyRows, "already copied") + " copies (already copied), "
          + count(moveRows, "moved (already copied)") + " moves (already copied), " + count(moveRows, "already moved")
          + " moves (already moved: the delete's answer was lost)");
      figures.put("checks of the first run", clock.lap());

      List<ReportRow> copyRerun = rerun(proxy, "copy", copied, copyRows, figures);
      List<ReportRow> moveRerun = rerun(proxy, "move", move, moveRows, figures);
      checkAllDone(tasks);
      figures.put("reruns and final checks", clock.lap());
      figures.put("rows checked", (copyRows.size() + moveRows.size()) + " first run, "
          + (copyRerun.size() + moveRerun.size()) + " reruns; every succeeded copy compared by SHA-256");
      assertThat(found).as("copies (and deletes) S3 made whose answer was lost, found on the redrive").isPositive();
    } finally {
      report(figures); // also when a must-hold failed: the figures up to it
      lambda = null;
      f.cleanUp();
    }
  }

  /** {@code lambda serve} hosting the shipped jar twice, {@code soak-copy} and {@code soak-move}, its S3 the proxy. */
  private LambdaService lambdaServe(FaultProxy proxy) throws IOException {
    List<FunctionSpec> functions = new ArrayList<>();
    for (String action : List.of("copy", "move")) {
      functions.add(FunctionSpec.parse("soak-" + action + "=" + HANDLER + "@" + LambdaRuntimeProcess.lambdaJar())
          .withEnv(Map.of("S3BATCH_ACTION", action, "S3BATCH_DESTINATION_BUCKET", fixture.destination,
              "S3BATCH_MULTIPART_THRESHOLD", "8MiB", "S3BATCH_PART_SIZE", "5MiB", "S3BATCH_COPY_CONCURRENCY", "2",
              "AWS_MAX_ATTEMPTS", "1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
              "AWS_ENDPOINT_URL", proxy.endpoint().toString()))
          .withConcurrency(2).withTimeout(120));
    }
    return LambdaService.start(functions, 0, line -> { });
  }

  private RunLocalE2ETest.Run run(FaultProxy proxy, String action, Path manifest, String name) {
    if (lambda != null) {
      return RunLocalE2ETest.cli("job", "run-local", "--manifest", manifest.toString(),
          "--report", dir.resolve("reports-" + action + "-" + name).toString(),
          "--function", "soak-" + action, "--lambda-endpoint-url", lambda.endpoint().toString(), "--region", "us-east-1",
          "--concurrency", "8", "--max-attempts", "5", "--progress-every", "0", "--log", log(action, name).toString());
    }
    return RunLocalE2ETest.cli("job", "run-local", "--manifest", manifest.toString(),
        "--report", dir.resolve("reports-" + action + "-" + name).toString(),
        "--action", action, "--concurrency", "64", "--max-attempts", "5", "--progress-every", "0",
        "--log", log(action, name).toString(),
        "--env", "S3BATCH_DESTINATION_BUCKET=" + fixture.destination,
        "--env", "S3BATCH_MULTIPART_THRESHOLD=8MiB", "--env", "S3BATCH_PART_SIZE=5MiB",
        "--env", "S3BATCH_COPY_CONCURRENCY=2", "--env", "AWS_MAX_ATTEMPTS=1",
        "--env", "AWS_ACCESS_KEY_ID=test", "--env", "AWS_SECRET_ACCESS_KEY=test",
        "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1");
  }

  private Path log(String action, String name) {
    return dir.resolve(action + "-" + name + ".log");
  }

  /** Every row once; no PermanentFailure in any invocation; every succeeded copy identical to its source. */
  private List<ReportRow> checkFirstRun(RunLocalE2ETest.Run run, Path manifest, String action,
      Map<String, String> figures) throws IOException {
    assertThat(run.exit()).as(run.out() + run.err()).isIn(0, 3);
    List<ReportRow> rows = RunLocalE2ETest.rows(RunLocalE2ETest.reportLocation(run));
    assertThat(rows).extracting(r -> r.bucket() + "," + r.key()).as("every manifest row once")
        .containsExactlyInAnyOrderElementsOf(Files.readAllLines(manifest, StandardCharsets.UTF_8));
    assertThat(rows).filteredOn(ReportRow::failed)
        .allSatisfy(r -> assertThat(r.errorCode()).as(r.toCsv()).isEqualTo("TemporaryFailure"));
    Map<String, Integer> answers = logAnswers(log(action, "first"));
    assertThat(answers.keySet()).as("answers of every invocation").allMatch(k -> !k.startsWith("PermanentFailure"));
    for (ReportRow r : rows) {
      if (!r.failed()) {
        assertThat(fixture.sha256Of(fixture.destination, r.key())).as("copy of %s", r.key())
            .isEqualTo(fixture.sha256.get(r.key()));
      }
    }
    figures.put(action + " job", summary(run) + "; " + rows.stream().filter(ReportRow::failed).count()
        + " rows TemporaryFailure after 5 attempts; invocations by answer " + answers);
    return rows;
  }

  /** Every move source that is gone has an identical copy (succeeded rows were compared already). */
  private void checkNoSourceMovedWithoutACopy(List<ReportRow> moveRows) {
    Set<String> left = fixture.keys(fixture.source, "move/");
    Set<String> compared = new HashSet<>();
    moveRows.stream().filter(r -> !r.failed()).forEach(r -> compared.add(r.key()));
    fixture.sha256.forEach((key, sha) -> {
      if (key.startsWith("move/") && !left.contains(key) && !compared.contains(key)) {
        assertThat(fixture.sha256Of(fixture.destination, key)).as("source %s gone: its copy", key).isEqualTo(sha);
      }
    });
  }

  /**
   * An upload left open is a failed task's, for its redrive; none is anyone else's, and none is
   * the empty upload of a CreateMultipartUpload whose answer was lost (the function aborts those:
   * {@code UploadCreation}).
   */
  private void checkOpenUploadsBelongToFailedTasks(FaultProxy proxy, List<ReportRow> copyRows,
      List<ReportRow> moveRows) throws IOException {
    Set<String> failed = new HashSet<>();
    Stream.concat(copyRows.stream(), moveRows.stream()).filter(ReportRow::failed).forEach(r -> failed.add(r.key()));
    List<MultipartUpload> stray = fixture.openUploads().stream().filter(u -> !failed.contains(u.key())).toList();
    assertThat(stray).as("open uploads whose task did not fail%s", stray.isEmpty() ? "" : story(proxy, stray))
        .extracting(u -> u.key() + " (upload " + u.uploadId() + ", "
            + fixture.s3.listParts(b -> b.bucket(fixture.destination).key(u.key()).uploadId(u.uploadId())).parts().size()
            + " parts)")
        .isEmpty();
  }

  /**
   * How each stray upload's key came to it: the key's multipart requests as the proxy took them,
   * each with the fault it met, and the log lines of the key's invocations.
   */
  private String story(FaultProxy proxy, List<MultipartUpload> stray) throws IOException {
    List<RecordedRequest> requests = proxy.requests();
    List<String> logLines = new ArrayList<>(Files.readAllLines(log("copy", "first"), StandardCharsets.UTF_8));
    logLines.addAll(Files.readAllLines(log("move", "first"), StandardCharsets.UTF_8));
    StringBuilder story = new StringBuilder();
    for (MultipartUpload u : stray) {
      StringJoiner taken = new StringJoiner(", ", "[", "]");
      for (RecordedRequest r : requests) {
        String op = r.operation();
        String key = op.equals("ListMultipartUploads") ? r.queryParameter("prefix").orElse("") : r.key();
        if (r.bucket().equals(fixture.destination) && key.equals(u.key())
            && (op.contains("Multipart") || op.equals("ListParts") || op.startsWith("UploadPart"))) {
          Fault fault = faults.get(r);
          taken.add(op + r.queryParameter("partNumber").map(n -> " " + n).orElse("")
              + r.queryParameter("uploadId").map(id -> " " + id).orElse("") + (fault == null ? "" : " [" + fault + "]"));
        }
      }
      story.append("\n").append(u.key()).append(": its multipart requests through the proxy ").append(taken)
          .append("\n  its invocations' log lines:");
      logLines.stream().filter(line -> line.contains("\"" + u.key() + "\"")).forEach(line -> story.append("\n  ").append(line));
    }
    return story.toString();
  }

  /** The review's retry manifest holds exactly the failed rows; a rerun of it succeeds on every one. */
  private List<ReportRow> rerun(FaultProxy proxy, String action, RunLocalE2ETest.Run first, List<ReportRow> firstRows,
      Map<String, String> figures) throws IOException {
    Path retry = dir.resolve(action + "-retry.csv");
    RunLocalE2ETest.Run review = RunLocalE2ETest.cli("report", "review", RunLocalE2ETest.reportLocation(first),
        "--retry-manifest", retry.toString());
    List<String> failed = firstRows.stream().filter(ReportRow::failed).map(r -> r.bucket() + "," + r.key()).toList();
    assertThat(review.exit()).as(review.out() + review.err()).isEqualTo(failed.isEmpty() ? 0 : 3);
    List<String> retried = Files.exists(retry) ? Files.readAllLines(retry, StandardCharsets.UTF_8) : List.of();
    assertThat(retried).containsExactlyInAnyOrderElementsOf(failed);
    if (failed.isEmpty()) {
      figures.put(action + " rerun", "none needed");
      return List.of();
    }
    RunLocalE2ETest.Run rerun = run(proxy, action, retry, "rerun");
    assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
    List<ReportRow> rows = RunLocalE2ETest.rows(RunLocalE2ETest.reportLocation(rerun));
    assertThat(rows).noneMatch(ReportRow::failed).hasSize(failed.size());
    for (ReportRow r : rows) {
      assertThat(fixture.sha256Of(fixture.destination, r.key())).as("copy of %s", r.key())
          .isEqualTo(fixture.sha256.get(r.key()));
    }
    figures.put(action + " rerun", summary(rerun));
    return rows;
  }

  /** Both jobs at 100%: every key at the destination, move sources gone, copy sources kept, no upload open. */
  private void checkAllDone(int tasks) {
    assertThat(fixture.keys(fixture.destination, "")).containsExactlyInAnyOrderElementsOf(fixture.sha256.keySet());
    assertThat(fixture.keys(fixture.source, "move/")).as("move sources left").isEmpty();
    assertThat(fixture.keys(fixture.source, "copy/")).hasSize(tasks / 2);
    assertThat(fixture.openUploads()).as("open multipart uploads after the reruns")
        .extracting(u -> u.key() + " (upload " + u.uploadId() + ")").isEmpty();
  }

  /** The invocations counted by answer ({@code Succeeded}, {@code TemporaryFailure:SlowDown}, ...), from the function's log. */
  private static Map<String, Integer> logAnswers(Path log) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (!line.startsWith("{")) {
        continue; // through lambda serve: the invocation's START, END and REPORT lines
      }
      JsonNode node = MAPPER.readTree(line);
      String code = node.path("resultCode").asText();
      counts.merge(code.equals("Succeeded") ? code : code + ":" + node.path("errorCode").asText(), 1, Integer::sum);
    }
    return counts;
  }

  private static long count(List<ReportRow> rows, String prefix) {
    return rows.stream().filter(r -> !r.failed() && r.resultMessage().startsWith(prefix)).count();
  }

  private static String summary(RunLocalE2ETest.Run run) {
    Matcher m = Pattern.compile("Job \\S+ (.*)").matcher(run.out());
    return m.find() ? m.group(1) : run.out().strip();
  }

  private static void report(Map<String, String> figures) throws IOException {
    StringBuilder sb = new StringBuilder("soak figures\n");
    figures.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
    System.out.print(sb);
    String file = System.getProperty("s3batch.soak.figures");
    if (file != null) {
      Files.writeString(Path.of(file), sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  /** Wall and CPU seconds (of this JVM: S3Mock, the proxy, the jobs) since the last lap. */
  private static final class Clock {
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private long wall = System.nanoTime();
    private long cpu = os.getProcessCpuTime();

    String lap() {
      long w = System.nanoTime();
      long c = os.getProcessCpuTime();
      String lap = String.format(Locale.ROOT, "%.1f s wall, %.1f s CPU", (w - wall) / 1e9, (c - cpu) / 1e9);
      wall = w;
      cpu = c;
      return lap;
    }
  }
}
