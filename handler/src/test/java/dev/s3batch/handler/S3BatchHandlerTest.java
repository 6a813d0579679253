package dev.s3batch.handler;

import static dev.s3batch.handler.Fixtures.assertValidResponse;
import static dev.s3batch.handler.Fixtures.event;
import static dev.s3batch.handler.Fixtures.invoke;
import static dev.s3batch.handler.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.s3batch.handler.event.InvalidEventException;
import dev.s3batch.handler.testing.TestLambdaContext;
import dev.s3batch.testkit.S3MockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The handler's wire contract, on AWS's documented events, against a real S3 server. */
class S3BatchHandlerTest {

  private static final Map<String, String> HEAD = Map.of("S3BATCH_ACTION", "head");
  private static S3Client s3;

  @BeforeAll
  static void buckets() {
    s3 = S3MockServer.get().client();
    for (String bucket : new String[] {"awsexamplebucket1", "bucket", "powertools-dataset"}) {
      if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
        try {
          s3.createBucket(b -> b.bucket(bucket));
        } catch (RuntimeException e) {
          throw new IllegalStateException("bucket " + bucket, e);
        }
      }
    }
    s3.putObject(b -> b.bucket("awsexamplebucket1").key("customerImage1.jpg"), RequestBody.fromString("jpeg bytes"));
    s3.putObject(b -> b.bucket("bucket").key("customerImage1.jpg"), RequestBody.fromString("other bytes!"));
    s3.putObject(
        b -> b.bucket("powertools-dataset").key("prefix/dataset/dataset.20231222.json.gz"),
        RequestBody.fromString("gzipped"));
  }

  private static S3BatchHandler handler(Map<String, String> env) {
    return new S3BatchHandler(env, () -> s3);
  }

  @Test
  void handleRequest_schema1WithGlobalBucketArn_readsBucketAfterLastColon() throws Exception {
    byte[] event = event("s3_batch_event.json");
    JsonNode response = invoke(handler(HEAD), event);

    assertValidResponse(response, json(event));
    JsonNode result = response.get("results").get(0);
    // "amzn-s3-demo-" is a prefix AWS reserves for its documents: no such bucket can exist. A HEAD
    // answer has no body, so the SDK (against AWS too) calls every 404 of HeadObject NoSuchKey.
    assertThat(result.get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(result.get("resultString").asText()).startsWith("S3 error NoSuchKey (HTTP 404");
  }

  @Test
  void handleRequest_versionTheObjectNeverHad_failsPermanentlyWithTheS3Error() throws Exception {
    String other =
        new String(event("s3_batch_event_regional_arn.json"), StandardCharsets.UTF_8);
    JsonNode response = invoke(handler(HEAD), other.getBytes(StandardCharsets.UTF_8));

    JsonNode result = response.get("results").get(0);
    assertThat(result.get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(result.get("resultString").asText()).startsWith("S3 error ").contains("(HTTP 4");
  }

  @Test
  void handleRequest_schema1WithRegionalBucketArn_headsTheObjectInThatBucket() throws Exception {
    String versionless =
        new String(event("s3_batch_event_regional_arn.json"), StandardCharsets.UTF_8)
            .replace("\"s3VersionId\": \"1\",", "\"s3VersionId\": null,");
    byte[] event = versionless.getBytes(StandardCharsets.UTF_8);
    JsonNode response = invoke(handler(HEAD), event);

    assertValidResponse(response, json(event));
    JsonNode result = response.get("results").get(0);
    assertThat(result.get("resultCode").asText()).isEqualTo("Succeeded");
    assertThat(result.get("resultString").asText())
        .isEqualTo("exists s3://bucket/customerImage1.jpg size=12 etag=\"" + etag("bucket", "customerImage1.jpg")
            + "\" versionId=null");
  }

  @Test
  void handleRequest_awsSample2WithArgumentsNoSettingDeclares_succeeds() throws Exception {
    byte[] event = event("s3_batch_event_v2.json");
    JsonNode response = invoke(handler(HEAD), event);

    assertValidResponse(response, json(event));
    JsonNode result = response.get("results").get(0);
    assertThat(result.get("resultCode").asText()).as(result.toString()).isEqualTo("Succeeded");
    assertThat(result.get("resultString").asText())
        .startsWith("exists s3://powertools-dataset/prefix/dataset/dataset.20231222.json.gz size=7 ");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "destinatonBucket|did you mean \"destinationBucket\"?",
      "DestinationBucket|did you mean \"destinationBucket\"?",
      "keyformat|did you mean \"keyFormat\"?",
      "allowedDestination|did you mean \"allowedDestinations\"?",
      "s3batch.action|names starting with s3batch. are the toolkit's and none is named so; the settings are named"
          + " without it, e.g. action",
      "storageClass|is a setting of other actions, not of \"head\": choose the action that reads it, or remove it"})
  void handleRequest_schema2ArgumentThatLooksLikeAMistypedSetting_failsNamingTheKnownOne(String name, String says)
      throws Exception {
    String event = new String(event("s3_batch_event_v2.json"), StandardCharsets.UTF_8).replace("\"k1\"", "\"" + name + "\"");
    JsonNode response = invoke(handler(HEAD), event.getBytes(StandardCharsets.UTF_8));

    JsonNode result = response.get("results").get(0);
    assertThat(result.get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(result.get("resultString").asText()).contains("userArguments entry \"" + name + "\"").contains(says);
  }

  @Test
  void constructor_unknownS3batchVariable_failsNamingItAndTheClosestKnownName() {
    assertThatThrownBy(() -> handler(Map.of("S3BATCH_ACTION", "move", "S3BATCH_DESTINATON_BUCKET", "dst")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("unknown variable S3BATCH_DESTINATON_BUCKET: did you mean S3BATCH_DESTINATION_BUCKET?");
    assertThatThrownBy(() -> handler(Map.of("s3batch_action", "head")))
        .hasMessage("unknown variable s3batch_action: did you mean S3BATCH_ACTION?");
    assertThatThrownBy(() -> handler(Map.of("S3BATCH_ACTION", "head", "S3BATCH_WIDTH", "640")))
        .hasMessageStartingWith("unknown variable S3BATCH_WIDTH: no setting of the toolkit or of any action is named so"
            + " (the closest known is ");
  }

  @Test
  void constructor_variablesOfTheToolkitItsActionsAndItsCommandLine_areAccepted() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(HEAD);
    for (String name : new String[] {"S3BATCH_DEADLINE_MARGIN", "S3BATCH_STORAGE_CLASS", "S3BATCH_MULTIPART_THRESHOLD",
        "S3BATCH_PART_SIZE", "S3BATCH_COPY_CONCURRENCY", "S3BATCH_TAGS", "S3BATCH_TAG_MODE", "S3BATCH_ACCOUNT_ID",
        "S3BATCH_JAVA_OPTS", "S3BATCH_S3MOCK_JAR", "S3BATCH_S3MOCK_LOOPBACK", "OTHER_VARIABLE"}) {
      env.put(name, "");
    }

    JsonNode response = invoke(handler(env), event("s3_batch_event_v2.json"));

    assertThat(response.get("results").get(0).get("resultCode").asText()).isEqualTo("Succeeded");
  }

  @Test
  void handleRequest_taskWhoseKeyIsAJsonArray_failsThatTaskOnlyAndAnswersTheOthers() throws Exception {
    String event = """
        {"invocationSchemaVersion": "1.0", "invocationId": "aW52LWFycmF5", "job": {"id": "j"},
         "tasks": [
           {"taskId": "dDE", "s3Key": ["a"], "s3BucketArn": "arn:aws:s3:::bucket"},
           {"taskId": "dDI", "s3Key": "customerImage1.jpg", "s3BucketArn": "arn:aws:s3:::bucket"},
           {"taskId": "dDM", "s3Key": "customerImage1.jpg", "s3VersionId": {"v": 1}, "s3BucketArn": "arn:aws:s3:::bucket"}]}
        """;
    JsonNode response = invoke(handler(HEAD), event.getBytes(StandardCharsets.UTF_8));

    assertValidResponse(response, json(event.getBytes(StandardCharsets.UTF_8)));
    JsonNode results = response.get("results");
    assertThat(results.get(0).get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(results.get(0).get("resultString").asText())
        .isEqualTo("tasks[0] (task dDE) field \"s3Key\" is an array, not a string: [\"a\"]");
    assertThat(results.get(1).get("resultCode").asText()).isEqualTo("Succeeded");
    assertThat(results.get(2).get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(results.get(2).get("resultString").asText())
        .isEqualTo("tasks[2] (task dDM) field \"s3VersionId\" is an object, not a string: {\"v\":1}");
  }

  @Test
  void handleRequest_schema2WithActionArgumentAndAbsentVersion_runsTheAction() throws Exception {
    byte[] event = event("s3_batch_event_v2_action.json");
    JsonNode response = invoke(handler(Map.of()), event);

    assertValidResponse(response, json(event));
    JsonNode result = response.get("results").get(0);
    assertThat(result.get("resultCode").asText()).isEqualTo("Succeeded");
    assertThat(result.get("resultString").asText())
        .startsWith("exists s3://powertools-dataset/prefix/dataset/dataset.20231222.json.gz size=7 ");
  }

  @Test
  void handleRequest_manyTasks_answersEachWithItsOwnIdAndIsolatesFailures() throws Exception {
    byte[] event = event("multiple_tasks.json");
    JsonNode response = invoke(handler(HEAD), event);

    assertValidResponse(response, json(event));
    JsonNode results = response.get("results");
    assertThat(results.get(0).get("resultCode").asText()).isEqualTo("Succeeded");
    assertThat(results.get(1).get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(results.get(1).get("resultString").asText()).isEqualTo("task dGFzay10d28 has no s3Key");
    assertThat(results.get(2).get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(results.get(2).get("resultString").asText())
        .isEqualTo("task dGFzay10aHJlZQ names no bucket (neither s3Bucket nor s3BucketArn)");
    assertThat(results.get(3).get("resultString").asText())
        .isEqualTo("malformed key: \"%zz\" at position 3 is not a %XX escape with two hex digits; key \"bad%zzkey\"");
    assertThat(results.get(4).get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(results.get(4).get("resultString").asText()).startsWith("S3 error NoSuchKey (HTTP 404");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not_json.json|event is not valid JSON",
        "empty.json|event is empty: expected a JSON object",
        "array.json|event is not a JSON object but an array",
        "no_invocation_id.json|event has no \"invocationId\"",
        "no_schema_version.json|event has no \"invocationSchemaVersion\"",
        "no_tasks.json|event has no \"tasks\" array",
        "tasks_not_array.json|event field \"tasks\" is an object, not an array",
        "unknown_schema.json|unknown invocationSchemaVersion \"3.0\": this handler knows 1.0 and 2.0",
        "task_without_task_id.json|tasks[0] has no \"taskId\""
      })
  void handleRequest_eventItCannotAnswer_failsTheInvocationNamingTheFault(String fixture, String message) {
    byte[] event = event("invalid/" + fixture);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> handler(HEAD).handleRequest(new ByteArrayInputStream(event), out, null))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith(message);
    assertThat(out.size()).isZero();
  }

  @Test
  void handleRequest_noActionConfigured_failsEveryTaskListingKnownActions() throws Exception {
    byte[] event = event("multiple_tasks.json");
    JsonNode response = invoke(handler(Map.of()), event);

    assertValidResponse(response, json(event));
    for (JsonNode r : response.get("results")) {
      assertThat(r.get("resultCode").asText()).isEqualTo("PermanentFailure");
      assertThat(r.get("resultString").asText())
          .startsWith("no action configured: set S3BATCH_ACTION in the function's environment or the job's "
              + "\"action\" argument; known actions: ")
          .contains("head");
    }
  }

  @Test
  void handleRequest_unknownAction_failsEveryTaskListingKnownActions() throws Exception {
    JsonNode response = invoke(handler(Map.of("S3BATCH_ACTION", "frobnicate")), event("s3_batch_event.json"));

    assertThat(response.get("results").get(0).get("resultString").asText())
        .startsWith("unknown action \"frobnicate\"; known actions: ")
        .contains("head");
  }

  @Test
  void handleRequest_oneFunctionInvokedWithOtherUserArgumentsInTurn_answersEachByItsOwn() throws Exception {
    // a warm function keeps the last invocation's setup: it must never answer one job's event with another's
    S3BatchHandler handler = handler(HEAD);
    byte[] good = event("s3_batch_event_v2.json");
    byte[] mistyped = new String(good, StandardCharsets.UTF_8).replace("\"k1\"", "\"keyformat\"")
        .getBytes(StandardCharsets.UTF_8);
    for (int round = 0; round < 2; round++) {
      assertThat(invoke(handler, good).get("results").get(0).get("resultCode").asText()).isEqualTo("Succeeded");
      assertThat(invoke(handler, good).get("results").get(0).get("resultCode").asText()).isEqualTo("Succeeded");
      JsonNode refused = invoke(handler, mistyped).get("results").get(0);
      assertThat(refused.get("resultCode").asText()).isEqualTo("PermanentFailure");
      assertThat(refused.get("resultString").asText()).contains("did you mean \"keyFormat\"?");
    }
  }

  @Test
  void handleRequest_contextWithNoLog_answersTheSameAndPrintsNoLine() throws Exception {
    S3BatchHandler handler = handler(HEAD);
    byte[] event = event("s3_batch_event_v2.json");
    TestLambdaContext logging = TestLambdaContext.ample();
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), logged, logging);
    assertThat(logging.logLines()).hasSize(1).allMatch(l -> l.contains("\"event\":\"task\""));

    // the same context but for its logger: S3BatchHandler.NO_LOG, as run-local gives without --log
    TestLambdaContext base = TestLambdaContext.ample();
    Context silent = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
        (proxy, method, args) -> method.getName().equals("getLogger") ? S3BatchHandler.NO_LOG : method.invoke(base, args));
    ByteArrayOutputStream answered = new ByteArrayOutputStream();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      handler.handleRequest(new ByteArrayInputStream(event), answered, silent);
    } finally {
      System.setOut(stdout);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(base.logLines()).isEmpty();
    assertThat(json(answered.toByteArray())).isEqualTo(json(logged.toByteArray()));
  }

  @Test
  void handleRequest_jobAsksForActionOutsideAllowList_failsTheTask() throws Exception {
    String event = new String(event("s3_batch_event_v2_action.json"), StandardCharsets.UTF_8);
    JsonNode response =
        invoke(handler(Map.of("S3BATCH_ALLOWED_ACTIONS", "copy,tag")), event.getBytes(StandardCharsets.UTF_8));

    assertThat(response.get("results").get(0).get("resultString").asText())
        .isEqualTo("action \"head\" is not allowed by this function (allowed: copy, tag; set "
            + "S3BATCH_ALLOWED_ACTIONS to allow more)");
  }

  @Test
  void handleRequest_jobOverridesConfiguredActionWithoutAllowList_isRefused() throws Exception {
    JsonNode response = invoke(handler(Map.of("S3BATCH_ACTION", "copy")), event("s3_batch_event_v2_action.json"));

    assertThat(response.get("results").get(0).get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(response.get("results").get(0).get("resultString").asText())
        .startsWith("action \"head\" is not allowed by this function (allowed: copy;");
  }

  @Test
  void handleRequest_jobTriesToWidenGuardRails_isRefused() throws Exception {
    String event =
        new String(event("s3_batch_event_v2_action.json"), StandardCharsets.UTF_8)
            .replace("\"keyFormat\": \"plain\"", "\"allowedDestinations\": \"*\"");
    JsonNode response = invoke(handler(Map.of()), event.getBytes(StandardCharsets.UTF_8));

    assertThat(response.get("results").get(0).get("resultString").asText())
        .isEqualTo("userArguments entry \"allowedDestinations\" cannot be set by a job: guard rails come only "
            + "from the function's environment (S3BATCH_ALLOWED_DESTINATIONS)");
  }

  @Test
  void handleRequest_invalidKeyFormatSetting_failsNamingTheChoices() throws Exception {
    JsonNode response =
        invoke(handler(Map.of("S3BATCH_ACTION", "head", "S3BATCH_KEY_FORMAT", "xml")), event("s3_batch_event.json"));

    assertThat(response.get("results").get(0).get("resultString").asText())
        .isEqualTo("invalid keyFormat \"xml\"; choose one of: plain, json, pipe, auto");
  }

  @Test
  void handleRequest_plusInKey_decodesBySetting() throws Exception {
    S3MockServer server = S3MockServer.get();
    String bucket = server.newBucket("plus");
    s3.putObject(b -> b.bucket(bucket).key("a b.txt"), RequestBody.fromString("space"));
    s3.putObject(b -> b.bucket(bucket).key("a+b.txt"), RequestBody.fromString("plus!"));
    String event =
        ("{\"invocationSchemaVersion\":\"1.0\",\"invocationId\":\"i\",\"job\":{\"id\":\"j\"},\"tasks\":"
            + "[{\"taskId\":\"t\",\"s3Key\":\"a+b.txt\",\"s3BucketArn\":\"arn:aws:s3:::" + bucket + "\"}]}");

    JsonNode plusAsSpace = invoke(handler(HEAD), event.getBytes(StandardCharsets.UTF_8));
    JsonNode percentOnly =
        invoke(handler(Map.of("S3BATCH_ACTION", "head", "S3BATCH_KEY_DECODING", "percent-only")),
            event.getBytes(StandardCharsets.UTF_8));

    assertThat(plusAsSpace.get("results").get(0).get("resultString").asText()).contains("/a b.txt size=5 ");
    assertThat(percentOnly.get("results").get(0).get("resultString").asText()).contains("/a+b.txt size=5 ");
  }

  private static String etag(String bucket, String key) {
    String etag = s3.headObject(b -> b.bucket(bucket).key(key)).eTag();
    return etag.replace("\"", "");
  }
}
