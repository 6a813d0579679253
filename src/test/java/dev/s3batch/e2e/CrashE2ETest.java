package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.Fault;
import dev.s3batch.testkit.FaultProxy;
import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.cli.ExitCodes;
import dev.s3batch.tools.cli.Main;
import dev.s3batch.tools.report.ReportRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Crashes in the middle of a job: the function's process killed during a multipart copy, then
 * the job run again (the copy resumes, the object is byte-identical); an execution environment of
 * {@code lambda serve} killed while its part is in flight, then the task redriven from the review's
 * retry manifest (the copy resumes with the parts S3 holds, nothing left open); the local S3 server
 * ({@code s3batch s3 serve}) killed while a job runs (the job ends naming the cause, and its
 * report accounts for every row or is not published).
 */
class CrashE2ETest {

  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static S3Client s3;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    s3 = S3MockServer.get().client();
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.region", "us-east-1");
  }

  @Test
  void runLocal_processKilledDuringAMultipartCopy_rerunResumesAndTheCopyIsIdentical() throws Exception {
    String bucket = S3MockServer.get().newBucket("crash");
    byte[] data = new byte[16 << 20];
    new SplittableRandom(16).nextBytes(data);
    s3.putObject(b -> b.bucket(bucket).key("big.bin"), RequestBody.fromBytes(data));
    Path manifest = Files.writeString(dir.resolve("m.csv"), bucket + ",big.bin\n");
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint())) {
      proxy.inject(r -> r.operation().equals("UploadPartCopy") && r.queryParameter("partNumber").orElse("").equals("2"),
          Fault.delay(Duration.ofMinutes(10)), 1);
      Process child = childJvm(Main.class.getName(), copyJob(manifest, proxy, dir.resolve("reports-killed")),
          dir.resolve("child.txt"));
      try {
        await("part 2 of 3 started, part 1 copied", () -> proxy.operations().stream()
            .filter("UploadPartCopy"::equals).count() == 2 || !child.isAlive());
        assertThat(child.isAlive()).as(read(dir.resolve("child.txt"))).isTrue();
      } finally {
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } // closing the proxy drops the held part 2: it never reaches S3
    assertThat(reportManifests(dir.resolve("reports-killed"))).as("nothing published by the killed job").isEmpty();
    assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).as("left open for the redrive").hasSize(1);
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint())) {
      RunLocalE2ETest.Run rerun = RunLocalE2ETest.cli(copyJob(manifest, proxy, dir.resolve("reports")).toArray(String[]::new));

      assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
      List<ReportRow> rows = RunLocalE2ETest.rows(RunLocalE2ETest.reportLocation(rerun));
      assertThat(rows).singleElement().satisfies(r -> assertThat(r.resultMessage())
          .startsWith("copied s3://" + bucket + "/big.bin to s3://" + bucket + "/copied/big.bin")
          .contains("(16777216 bytes, 3 parts, 1 resumed, etag "));
      assertThat(proxy.operations()).filteredOn("UploadPartCopy"::equals).as("parts 2 and 3 only").hasSize(2);
    }
    assertThat(SoakFixture.sha256(s3.getObjectAsBytes(b -> b.bucket(bucket).key("copied/big.bin")).asByteArray()))
        .isEqualTo(SoakFixture.sha256(data));
    assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void runLocalFunction_environmentKilledDuringAMultipartCopy_redriveResumesAndTheCopyIsIdentical() throws Exception {
    String bucket = S3MockServer.get().newBucket("crash-env");
    byte[] data = new byte[16 << 20];
    new SplittableRandom(17).nextBytes(data);
    s3.putObject(b -> b.bucket(bucket).key("big.bin"), RequestBody.fromBytes(data));
    Path manifest = Files.writeString(dir.resolve("m.csv"), bucket + ",big.bin\n");
    Duration slow = Duration.ofSeconds(6);
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint());
        LambdaServeProcess lambda = LambdaServeProcess.start(List.of(), List.of("--function",
            "s3batch=dev.s3batch.handler.S3BatchHandler::handleRequest@" + LambdaRuntimeProcess.lambdaJar(),
            "--env", "AWS_ENDPOINT_URL=" + proxy.endpoint(), "--env", "AWS_ACCESS_KEY_ID=test",
            "--env", "AWS_SECRET_ACCESS_KEY=test", "--env", "S3BATCH_ACTION=copy",
            "--env", "S3BATCH_DESTINATION_PREFIX=copied/", "--env", "S3BATCH_MULTIPART_THRESHOLD=8MiB",
            "--env", "S3BATCH_PART_SIZE=5MiB", "--env", "S3BATCH_COPY_CONCURRENCY=1",
            "--concurrency", "1", "--timeout", "120"), dir.resolve("lambda-serve.txt"))) {
      proxy.inject(r -> r.operation().equals("UploadPartCopy") && r.queryParameter("partNumber").orElse("").equals("2"),
          Fault.delay(slow), 1);
      CompletableFuture<RunLocalE2ETest.Run> first = CompletableFuture.supplyAsync(() -> RunLocalE2ETest.cli(
          functionJob(manifest, lambda, dir.resolve("reports-killed"))));
      await("part 2 of 3 in flight, part 1 copied", () -> proxy.operations().stream()
          .filter("UploadPartCopy"::equals).count() == 2 || first.isDone());
      List<ProcessHandle> environments = lambda.environments();
      assertThat(environments).as(lambda.log()).hasSize(1);
      environments.forEach(ProcessHandle::destroyForcibly); // kill -9 of the execution environment

      RunLocalE2ETest.Run killed = first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertThat(killed.exit()).as(killed.out() + killed.err()).isEqualTo(ExitCodes.TASKS_FAILED);
      assertThat(RunLocalE2ETest.rows(RunLocalE2ETest.reportLocation(killed))).singleElement()
          .satisfies(r -> assertThat(r.resultMessage()).as(r.toCsv()).startsWith("Lambda returned function error: ")
              .contains("Runtime.ExitError", "Runtime exited with error: signal: killed"));
      // The slowed part was on its way to S3 when its function died: S3 still copies it.
      await("the dead function's part 2 done by S3", () -> s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()
          .stream().anyMatch(u -> s3.listParts(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())).parts()
              .stream().anyMatch(p -> p.partNumber() == 2)));
      assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).as("left open for the redrive").hasSize(1);

      Path retry = dir.resolve("retry.csv");
      RunLocalE2ETest.Run review = RunLocalE2ETest.cli("report", "review", RunLocalE2ETest.reportLocation(killed),
          "--retry-manifest", retry.toString());
      assertThat(Files.readAllLines(retry)).containsExactly(bucket + ",big.bin");
      proxy.clear();
      RunLocalE2ETest.Run redrive = RunLocalE2ETest.cli(functionJob(retry, lambda, dir.resolve("reports")));

      assertThat(redrive.exit()).as(review.out() + redrive.out() + redrive.err()).isZero();
      assertThat(RunLocalE2ETest.rows(RunLocalE2ETest.reportLocation(redrive))).singleElement()
          .satisfies(r -> assertThat(r.resultMessage())
              .startsWith("copied s3://" + bucket + "/big.bin to s3://" + bucket + "/copied/big.bin")
              .contains("(16777216 bytes, 3 parts, 2 resumed, etag "));
      assertThat(proxy.operations()).filteredOn("UploadPartCopy"::equals).as("part 3 only").hasSize(1);
      assertThat(lambda.log()).contains("exited (signal: killed)");
    }
    assertThat(SoakFixture.sha256(s3.getObjectAsBytes(b -> b.bucket(bucket).key("copied/big.bin")).asByteArray()))
        .isEqualTo(SoakFixture.sha256(data));
    assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).as("open multipart uploads").isEmpty();
  }

  private static String[] functionJob(Path manifest, LambdaServeProcess lambda, Path reports) {
    return new String[] {"job", "run-local", "--manifest", manifest.toString(), "--report", reports.toString(),
        "--function", "s3batch", "--lambda-endpoint-url", lambda.endpoint().toString(), "--region", "us-east-1",
        "--progress-every", "0"};
  }

  private List<String> copyJob(Path manifest, FaultProxy proxy, Path reports) {
    return new ArrayList<>(List.of("job", "run-local", "--manifest", manifest.toString(), "--report", reports.toString(),
        "--action", "copy", "--env", "S3BATCH_DESTINATION_PREFIX=copied/", "--env", "S3BATCH_MULTIPART_THRESHOLD=8MiB",
        "--env", "S3BATCH_PART_SIZE=5MiB", "--env", "S3BATCH_COPY_CONCURRENCY=1", "--progress-every", "0",
        "--env", "AWS_ACCESS_KEY_ID=test", "--env", "AWS_SECRET_ACCESS_KEY=test",
        "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1"));
  }

  @Test
  void runLocal_s3ServeKilledMidJob_failsNamingTheCauseAndTheReportAccountsForEveryRow() throws Exception {
    Process server = childJvm(Main.class.getName(), List.of("s3", "serve", "--port", "0"), dir.resolve("serve.txt"));
    try {
      String endpoint = endpointOf(server, dir.resolve("serve.txt"));
      S3Client local = S3Client.builder().endpointOverride(java.net.URI.create(endpoint)).forcePathStyle(true)
          .region(software.amazon.awssdk.regions.Region.US_EAST_1)
          .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
      local.createBucket(b -> b.bucket("crash"));
      StringBuilder rows = new StringBuilder();
      for (int i = 0; i < 600; i++) {
        String key = "k" + i;
        local.putObject(b -> b.bucket("crash").key(key), RequestBody.fromString("x" + i));
        rows.append("crash,").append(key).append('\n');
      }
      Path manifest = Files.writeString(dir.resolve("m.csv"), rows);
      Path log = dir.resolve("function.log");
      CompletableFuture<RunLocalE2ETest.Run> job = CompletableFuture.supplyAsync(() -> RunLocalE2ETest.cli(
          "job", "run-local", "--manifest", manifest.toString(), "--report", dir.resolve("reports").toString(),
          "--action", "head", "--concurrency", "2", "--log", log.toString(), "--progress-every", "0",
          "--env", "AWS_ACCESS_KEY_ID=test", "--env", "AWS_SECRET_ACCESS_KEY=test",
          "--endpoint-url", endpoint, "--region", "us-east-1"));
      await("100 tasks ran", () -> lines(log) >= 100 || job.isDone());
      server.descendants().forEach(ProcessHandle::destroyForcibly); // S3Mock, which s3 serve runs as its child
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

      RunLocalE2ETest.Run run = job.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

      assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
      assertThat(run.out()).contains("Reason: cannot reach S3 at " + endpoint + ": ").contains("Connection refused");
      String report = RunLocalE2ETest.reportLocation(run);
      List<String> accounted = new ArrayList<>();
      List<ReportRow> reported = RunLocalE2ETest.rows(report);
      reported.forEach(r -> accounted.add(r.bucket() + "," + r.key()));
      Path unprocessed = Path.of(report).resolveSibling("unprocessed.csv");
      accounted.addAll(Files.readAllLines(unprocessed));
      assertThat(accounted).as("every row once, in the report or in unprocessed.csv")
          .containsExactlyInAnyOrderElementsOf(Files.readAllLines(manifest));
      assertThat(reported).filteredOn(ReportRow::failed).isNotEmpty()
          .allSatisfy(r -> assertThat(r.resultMessage()).startsWith("connection fault: "));
      RunLocalE2ETest.Run review = RunLocalE2ETest.cli("report", "review", report);
      assertThat(review.out()).contains("Never ran: " + Files.readAllLines(unprocessed).size() + " tasks (the job stopped early)");
      local.close();
    } finally {
      server.destroyForcibly();
    }
  }

  private static int lines(Path file) {
    try (Stream<String> s = Files.lines(file)) {
      return (int) s.count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The endpoint {@code s3 serve} prints once ready. */
  private static String endpointOf(Process server, Path output) throws Exception {
    Pattern ready = Pattern.compile("S3 server on (http://127\\.0\\.0\\.1:\\d+) ");
    String[] found = new String[1];
    await("s3 serve ready", () -> {
      Matcher m = ready.matcher(read(output));
      if (m.find()) {
        found[0] = m.group(1);
      }
      return found[0] != null || !server.isAlive();
    });
    assertThat(found[0]).as(read(output)).isNotNull();
    return found[0];
  }

  /** A JVM running {@code main} with this JVM's class path; stdout and stderr to {@code output}. */
  static Process childJvm(String main, List<String> args, Path output) throws IOException {
    return childJvm(List.of(), main, args, output);
  }

  /** As {@link #childJvm(String, List, Path)}, with {@code jvmOptions} (a heap limit, a GC log). */
  static Process childJvm(List<String> jvmOptions, String main, List<String> args, Path output) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(jvmOptions);
    command.add(main);
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  private static List<Path> reportManifests(Path reports) throws IOException {
    if (!Files.exists(reports)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(reports)) {
      return s.filter(p -> p.getFileName().toString().equals("manifest.json")).toList();
    }
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s for %s", PATIENCE, what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
