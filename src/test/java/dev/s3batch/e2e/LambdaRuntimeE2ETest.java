package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3batch.e2e.FakeLambdaRuntimeApi.Answer;
import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.manifest.KeyEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

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
  private LambdaRuntimeProcess runtime;
  private Answer first;

  @BeforeAll
  void startRuntime() throws IOException {
    s3mock = S3MockServer.get();
    bucket = s3mock.newVersionedBucket("ric");
    versionId = s3mock.client().putObject(b -> b.bucket(bucket).key(KEY), RequestBody.fromString(CONTENT)).versionId();
    runtimeApi = new FakeLambdaRuntimeApi();
    runtime = LambdaRuntimeProcess.start(work, HANDLER, runtimeApi, Map.of(
        "AWS_REGION", "us-east-1",
        "AWS_DEFAULT_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "test",
        "AWS_SECRET_ACCESS_KEY", SECRET,
        "AWS_ENDPOINT_URL", s3mock.endpoint().toString(),
        "S3BATCH_ACTION", "head"));
  }

  @AfterAll
  void stopRuntime() throws Exception {
    if (runtime != null) {
      runtime.close();
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
        millis(initDone - runtime.startedNanos()), millis(answer.answeredNanos() - runtime.startedNanos()),
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
    runtime.awaitOutput("event has no \"invocationId\": dev.s3batch.handler.event.InvalidEventException",
        Duration.ofSeconds(10));
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
    String all = runtime.output();
    assertThat(all).doesNotContain(SECRET).doesNotContain(CONTENT);
  }

  @Test
  @Order(6)
  void init_mistypedS3batchVariable_reportsAnInitErrorNamingItAndTheClosestName(@TempDir Path own) throws Exception {
    try (FakeLambdaRuntimeApi api = new FakeLambdaRuntimeApi();
        LambdaRuntimeProcess broken = LambdaRuntimeProcess.start(own, HANDLER, api, Map.of(
            "AWS_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", SECRET,
            "AWS_ENDPOINT_URL", s3mock.endpoint().toString(),
            "S3BATCH_ACTION", "move",
            "S3BATCH_DESTINATON_BUCKET", "dst"))) {
      String body = api.initError().get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      JsonNode error = MAPPER.readTree(body);
      assertThat(error.get("errorMessage").asText())
          .as(body).contains("unknown variable S3BATCH_DESTINATON_BUCKET: did you mean S3BATCH_DESTINATION_BUCKET?");
      assertThat(api.firstNext()).as("no invocation is asked for after the init error").isNotDone();
    }
  }

  @Test
  @Order(7)
  void invoke_coldHeadTask_loadsNoJacksonDatabindAndNoTlsForAnHttpEndpoint(@TempDir Path own) throws Exception {
    Path classLog = own.resolve("class-load.txt");
    try (FakeLambdaRuntimeApi api = new FakeLambdaRuntimeApi();
        LambdaRuntimeProcess cold = LambdaRuntimeProcess.start(own, HANDLER, api, Map.of(
            "AWS_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", SECRET,
            "AWS_ENDPOINT_URL", s3mock.endpoint().toString(),
            "S3BATCH_ACTION", "head",
            "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog))) {
      ObjectNode event = fixture("schema1_aws_example.json");
      ((ObjectNode) event.get("tasks").get(0))
          .put("s3BucketArn", "arn:aws:s3:::" + bucket).put("s3Key", KeyEncoder.encode(KEY)).put("s3VersionId", versionId);

      Answer answer = cold.invoke("req-cold", MAPPER.writeValueAsString(event), ANSWER_TIMEOUT);

      assertThat(answer.body()).as(answer.body()).contains("\"resultCode\":\"Succeeded\"");
      List<String> loaded = java.nio.file.Files.readAllLines(classLog);
      assertThat(loaded).as("classes loaded").anyMatch(l -> l.contains(" dev.s3batch.handler.S3BatchHandler "));
      assertThat(loaded).as("jackson-databind classes loaded by a cold invocation")
          .noneMatch(l -> l.contains(" com.fasterxml.jackson.databind."));
      assertThat(loaded).as("TLS set up for a plain-HTTP endpoint")
          .noneMatch(l -> l.contains(" sun.security.ssl.SSLContextImpl"));
    }
  }

  @Test
  void lambdaJar_asShipped_holdsNoAsyncCrtPresignerOrWaiterCode() throws IOException {
    try (JarFile jar = new JarFile(LambdaRuntimeProcess.lambdaJar().toFile())) {
      assertThat(jar.stream().map(e -> e.getName()))
          .contains("software/amazon/awssdk/services/s3/DefaultS3Client.class")
          .noneMatch(name -> name.startsWith("software/amazon/awssdk/services/s3/DefaultS3AsyncClient")
              || name.startsWith("software/amazon/awssdk/services/s3/crt/")
              || name.startsWith("software/amazon/awssdk/services/s3/presigner/")
              || name.startsWith("software/amazon/awssdk/services/s3/waiters/")
              || name.endsWith("/endpoints.json"));
    }
  }

  @Test
  void lambdaJar_asShipped_holdsNoRuntimeInterfaceClient() throws IOException {
    try (JarFile jar = new JarFile(LambdaRuntimeProcess.lambdaJar().toFile())) {
      assertThat(jar.stream().map(e -> e.getName()))
          .contains("dev/s3batch/handler/S3BatchHandler.class")
          .noneMatch(name -> name.startsWith("com/amazonaws/services/lambda/runtime/api/client/")
              || name.startsWith("jni/"));
    }
  }

  /** Feeds {@code event} to the runtime; its answer (a failure with its output if none comes in time). */
  private Answer invoke(String requestId, JsonNode event) throws Exception {
    Answer answer = runtime.invoke(requestId, MAPPER.writeValueAsString(event), ANSWER_TIMEOUT);
    if (first == null) {
      first = answer;
    }
    return answer;
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
    return fail("no log line for task " + taskId + " in the runtime output:\n" + runtime.output());
  }

  private List<JsonNode> taskLines() throws IOException {
    return runtime.output().lines().filter(l -> l.startsWith("{") && l.contains("\"event\":\"task\"")).map(l -> {
      try {
        return MAPPER.readTree(l);
      } catch (IOException e) {
        throw new AssertionError("log line is not JSON: " + l, e);
      }
    }).toList();
  }


  private static ObjectNode fixture(String name) throws IOException {
    try (InputStream in = LambdaRuntimeE2ETest.class.getResourceAsStream("/events/lambda-runtime/" + name)) {
      return (ObjectNode) MAPPER.readTree(in);
    }
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
