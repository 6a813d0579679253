package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.util.ReflectUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3batch.e2e.FakeLambdaRuntimeApi.Answer;
import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.manifest.KeyEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The shipped deployment artifact ({@code handler/target/s3batch-handler-*-lambda.jar}) run by AWS's
 * real Java runtime interface client ({@code aws-lambda-java-runtime-interface-client}, JNI
 * library and all) in a JVM of its own, started as AWS's README starts it: {@code java -cp ...
 * com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}. The Lambda service is a
 * local Runtime API ({@link FakeLambdaRuntimeApi}); S3 is S3Mock over HTTP. Events are fed one
 * after another to the same runtime, as Lambda feeds a warm function instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LambdaRuntimeE2ETest {

  private static final String HANDLER = "dev.s3batch.handler.S3BatchHandler::handleRequest";
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
  private static final String KEY = "e2e/summer day+1 ünïcødé, 100%.jpg";
  private static final String CONTENT = "object-content-never-logged";
  private static final String SECRET = "e2e-secret-never-logged";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir static Path work;

  private S3MockServer s3mock;
  private String bucket;
  private String versionId;
  private FakeLambdaRuntimeApi runtimeApi;
  private Process runtime;
  private Path output;
  private long startedNanos;
  private Answer first;

  @BeforeAll
  void startRuntime() throws IOException {
    s3mock = S3MockServer.get();
    bucket = s3mock.newVersionedBucket("ric");
    versionId = s3mock.client().putObject(b -> b.bucket(bucket).key(KEY), RequestBody.fromString(CONTENT)).versionId();
    runtimeApi = new FakeLambdaRuntimeApi();

    Path taskRoot = Files.createDirectories(work.resolve("task"));
    output = work.resolve("runtime-output.txt");
    ProcessBuilder builder = new ProcessBuilder(
            ProcessHandle.current().info().command().orElseThrow(),
            "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + jniLibrary(),
            "-cp", classpath(),
            AWSLambda.class.getName(), HANDLER)
        .directory(taskRoot.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    String path = env.get("PATH");
    env.clear();
    env.putAll(lambdaEnvironment(taskRoot));
    env.put("PATH", path == null ? "/usr/bin:/bin" : path);
    startedNanos = System.nanoTime();
    runtime = builder.start();
  }

  @AfterAll
  void stopRuntime() throws Exception {
    if (runtime != null) {
      runtime.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (runtimeApi != null) {
      runtimeApi.close();
    }
  }

  @Test
  @Order(1)
  void invoke_awsSchema1ExampleWithEncodedKey_postsSucceededWithTheObjectsSize() throws Exception {
    ObjectNode event = fixture("schema1_aws_example.json");
    ObjectNode task = (ObjectNode) event.get("tasks").get(0);
    task.put("s3BucketArn", "arn:aws:s3:::" + bucket).put("s3Key", KeyEncoder.encode(KEY)).put("s3VersionId", versionId);

    Answer answer = invoke("req-schema1", event);
    long initDone = runtimeApi.firstNext().getNow(answer.servedNanos());
    System.out.printf(
        "cold start: JVM start to runtime init done (first /next) %d ms, to first response POST %d ms;"
            + " first invocation %d ms (handler durationMs %d)%n",
        millis(initDone - startedNanos), millis(answer.answeredNanos() - startedNanos),
        millis(answer.answeredNanos() - answer.servedNanos()),
        taskLog("dGFza2lkZ29lc2hlcmUK").path("durationMs").asLong(-1));

    assertThat(answer.kind()).as("answer %s", answer.body()).isEqualTo("response");
    assertThat(MAPPER.readTree(answer.body())).isEqualTo(MAPPER.readTree("""
        {"invocationSchemaVersion":"1.0","treatMissingKeysAs":"PermanentFailure",
         "invocationId":"YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo",
         "results":[{"taskId":"dGFza2lkZ29lc2hlcmUK","resultCode":"Succeeded","resultString":%s}]}
        """.formatted(MAPPER.writeValueAsString(headResult("s3://" + bucket + "/" + KEY + "?versionId=" + versionId)))));
    assertThat(taskLog("dGFza2lkZ29lc2hlcmUK").get("resultCode").asText()).isEqualTo("Succeeded");
  }

  @Test
  @Order(2)
  void invoke_schema2WithUserArguments_appliesThemAndPostsSucceeded() throws Exception {
    ObjectNode event = fixture("schema2_aws_example.json");
    event.put("invocationId", "c2NoZW1hLTItaW52b2NhdGlvbg");
    // percent-only decoding keeps the literal '+' a '+': under the default (plus-as-space) this
    // key would name "summer day 1 ..." and fail NoSuchKey, so success shows the argument applied.
    ((ObjectNode) event.get("job")).set("userArguments",
        MAPPER.createObjectNode().put("action", "head").put("keyDecoding", "percent-only"));
    ((ObjectNode) event.get("tasks").get(0))
        .put("taskId", "dGFzay1zY2hlbWEtMg").put("s3Bucket", bucket)
        .put("s3Key", KeyEncoder.encode(KEY).replace("%2B", "+")).putNull("s3VersionId");

    Answer answer = invoke("req-schema2", event);

    assertThat(answer.kind()).as("answer %s", answer.body()).isEqualTo("response");
    JsonNode response = MAPPER.readTree(answer.body());
    assertThat(response.get("invocationSchemaVersion").asText()).isEqualTo("2.0");
    assertThat(response.get("invocationId").asText()).isEqualTo("c2NoZW1hLTItaW52b2NhdGlvbg");
    assertThat(response.get("results")).hasSize(1);
    JsonNode result = response.get("results").get(0);
    assertThat(result.get("taskId").asText()).isEqualTo("dGFzay1zY2hlbWEtMg");
    assertThat(result.get("resultCode").asText()).isEqualTo("Succeeded");
    assertThat(result.get("resultString").asText()).isEqualTo(headResult("s3://" + bucket + "/" + KEY));
    assertThat(taskLog("dGFzay1zY2hlbWEtMg").get("resultCode").asText()).isEqualTo("Succeeded");
    if (first != null) {
      System.out.printf("warm invocation: second invocation %d ms (handler durationMs %d)%n",
          millis(answer.answeredNanos() - answer.servedNanos()),
          taskLog("dGFzay1zY2hlbWEtMg").get("durationMs").asLong());
    }
  }

  @Test
  @Order(3)
  void invoke_eventWithoutInvocationId_postsFunctionErrorNamingTheFault() throws Exception {
    Answer answer = invoke("req-invalid", fixture("no_invocation_id.json"));

    assertThat(answer.kind()).as("answer %s", answer.body()).isEqualTo("error");
    assertThat(answer.errorType()).isEqualTo("Runtime.UserException");
    JsonNode error = MAPPER.readTree(answer.body());
    assertThat(error.get("errorMessage").asText()).isEqualTo("event has no \"invocationId\"");
    assertThat(error.get("errorType").asText()).isEqualTo("dev.s3batch.handler.event.InvalidEventException");
    // The runtime client logs the fault too: what CloudWatch would show for the invocation.
    awaitOutput("event has no \"invocationId\": dev.s3batch.handler.event.InvalidEventException");
    assertThat(runtime.isAlive()).as("a function error does not end the runtime").isTrue();
  }

  @Test
  @Order(4)
  void invoke_taskForMissingKey_postsPermanentFailureNoSuchKey() throws Exception {
    ObjectNode event = fixture("schema1_aws_example.json");
    event.put("invocationId", "bWlzc2luZy1rZXk");
    ((ObjectNode) event.get("tasks").get(0))
        .put("taskId", "bWlzc2luZy10YXNr").put("s3BucketArn", "arn:aws:s3:us-east-1:123456789012:" + bucket)
        .put("s3Key", KeyEncoder.encode("e2e/no such key.jpg")).putNull("s3VersionId");

    Answer answer = invoke("req-missing", event);

    assertThat(answer.kind()).as("answer %s", answer.body()).isEqualTo("response");
    JsonNode result = MAPPER.readTree(answer.body()).get("results").get(0);
    assertThat(result.get("taskId").asText()).isEqualTo("bWlzc2luZy10YXNr");
    assertThat(result.get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(result.get("resultString").asText()).startsWith("S3 error NoSuchKey (HTTP 404");
    JsonNode log = taskLog("bWlzc2luZy10YXNr");
    assertThat(log.get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(log.get("errorCode").asText()).isEqualTo("NoSuchKey");
  }

  @Test
  @Order(5)
  void runtimeOutput_afterAllInvocations_holdsOneTaskLineEachAndNoSecretsOrContents() throws Exception {
    List<JsonNode> lines = taskLines();
    assertThat(lines).extracting(line -> line.get("taskId").asText())
        .containsExactly("dGFza2lkZ29lc2hlcmUK", "dGFzay1zY2hlbWEtMg", "bWlzc2luZy10YXNr");
    assertThat(lines.get(0).get("s3Key").asText()).isEqualTo(KeyEncoder.encode(KEY));
    assertThat(lines.get(0).get("bucket").asText()).isEqualTo(bucket);
    String all = output();
    assertThat(all).doesNotContain(SECRET).doesNotContain(CONTENT);
  }

  @Test
  void lambdaJar_asShipped_holdsNoRuntimeInterfaceClient() throws IOException {
    try (JarFile jar = new JarFile(lambdaJar().toFile())) {
      assertThat(jar.stream().map(e -> e.getName()))
          .contains("dev/s3batch/handler/S3BatchHandler.class")
          .noneMatch(name -> name.startsWith("com/amazonaws/services/lambda/runtime/api/client/")
              || name.startsWith("jni/"));
    }
  }

  /** Feeds {@code event}; the runtime's answer, or a failure with its output within the time limit. */
  private Answer invoke(String requestId, JsonNode event) throws Exception {
    CompletableFuture<Answer> answer = runtimeApi.invoke(requestId, MAPPER.writeValueAsString(event));
    long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Answer a = answer.get(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          first = a;
        }
        return a;
      } catch (TimeoutException e) {
        if (runtimeApi.initError().isDone()) {
          fail("runtime reported an init error: " + runtimeApi.initError().get() + "\n" + output());
        }
        if (!runtime.isAlive()) {
          fail("runtime exited with " + runtime.exitValue() + " before answering " + requestId + ":\n" + output());
        }
      } catch (ExecutionException e) {
        throw new AssertionError(e.getCause());
      }
    }
    return fail("no answer to " + requestId + " within " + ANSWER_TIMEOUT.toSeconds() + " s; runtime output:\n" + output());
  }

  /** HeadAction's result string for the object at {@code location}. */
  private String headResult(String location) {
    return "exists " + location + " size=" + CONTENT.length() + " etag=\""
        + s3mock.client().headObject(b -> b.bucket(bucket).key(KEY)).eTag().replace("\"", "") + "\" versionId="
        + versionId;
  }

  /** The task's log line; the runtime writes it before it answers, but give the pipe a moment. */
  private JsonNode taskLog(String taskId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    do {
      List<JsonNode> lines = taskLines().stream().filter(l -> taskId.equals(l.get("taskId").asText())).toList();
      if (!lines.isEmpty()) {
        assertThat(lines).as("one log line for task %s", taskId).hasSize(1);
        return lines.get(0);
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return fail("no log line for task " + taskId + " in the runtime output:\n" + output());
  }

  private void awaitOutput(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!output().contains(text)) {
      if (System.nanoTime() > deadline) {
        fail("no \"" + text + "\" in the runtime output:\n" + output());
      }
      Thread.sleep(100);
    }
  }

  private List<JsonNode> taskLines() throws IOException {
    try (Stream<String> lines = Files.lines(output, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.startsWith("{") && l.contains("\"event\":\"task\"")).map(l -> {
        try {
          return MAPPER.readTree(l);
        } catch (IOException e) {
          throw new AssertionError("log line is not JSON: " + l, e);
        }
      }).toList();
    }
  }

  private String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  private static ObjectNode fixture(String name) throws IOException {
    try (InputStream in = LambdaRuntimeE2ETest.class.getResourceAsStream("/events/lambda-runtime/" + name)) {
      return (ObjectNode) MAPPER.readTree(in);
    }
  }

  /** What Lambda sets for a java17 function (see ReservedRuntimeEnvironmentVariables in the client). */
  private Map<String, String> lambdaEnvironment(Path taskRoot) {
    return Map.ofEntries(
        Map.entry("_HANDLER", HANDLER),
        Map.entry("AWS_LAMBDA_RUNTIME_API", runtimeApi.hostAndPort()),
        Map.entry("LAMBDA_TASK_ROOT", taskRoot.toString()),
        Map.entry("LAMBDA_RUNTIME_DIR", taskRoot.toString()),
        Map.entry("AWS_EXECUTION_ENV", "AWS_Lambda_java17"),
        Map.entry("AWS_LAMBDA_FUNCTION_NAME", "s3batch-e2e"),
        Map.entry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
        Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"),
        Map.entry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/s3batch-e2e"),
        Map.entry("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]e2e"),
        Map.entry("AWS_REGION", "us-east-1"),
        Map.entry("AWS_DEFAULT_REGION", "us-east-1"),
        Map.entry("AWS_ACCESS_KEY_ID", "test"),
        Map.entry("AWS_SECRET_ACCESS_KEY", SECRET),
        Map.entry("AWS_ENDPOINT_URL", s3mock.endpoint().toString()),
        Map.entry("S3BATCH_ACTION", "head"),
        Map.entry("TZ", ":UTC"),
        Map.entry("LANG", "en_US.UTF-8"));
  }

  /** The runtime client, its dependencies, and the shipped lambda jar (nothing else of this JVM's). */
  private static String classpath() throws IOException {
    return String.join(java.io.File.pathSeparator,
        jarOf(AWSLambda.class), jarOf(ReflectUtil.class), jarOf(Context.class), jarOf(SdkInternalThreadLocal.class),
        lambdaJar().toAbsolutePath().toString());
  }

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The deployment artifact; the reactor packages the handler before the root's tests run. */
  private static Path lambdaJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("handler", "target"))) {
      return files.filter(p -> p.getFileName().toString().matches("s3batch-handler-.*-lambda\\.jar"))
          .findFirst().orElseThrow(() -> new AssertionError(
              "no handler/target/s3batch-handler-*-lambda.jar: run mvn verify from the repository root"));
    }
  }

  /**
   * The client's own JNI library for this machine, copied out of its jar into this test's
   * directory and named with the system property the client reads (its README shows it), so that
   * parallel builds do not share the client's default unpack path, /tmp/.libaws-lambda-jni.so.
   */
  private Path jniLibrary() throws IOException {
    String arch = System.getProperty("os.arch").matches("amd64|x86_64") ? "x86_64" : "aarch_64";
    String name = "libaws-lambda-jni.linux-" + arch + ".so";
    Path target = work.resolve(name);
    try (InputStream in = AWSLambda.class.getResourceAsStream("/jni/" + name)) {
      assertThat(in).as("%s in the runtime client jar", name).isNotNull();
      Files.copy(in, target);
    }
    return target;
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
