package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3batch.e2e.FakeLambdaRuntimeApi.Answer;
import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.manifest.KeyEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Every built-in action, and both event schemas, run from the shipped lambda jar under AWS's
 * runtime interface client. The build takes out of that jar the S3 classes of operations the
 * function never calls ({@code handler/src/build/PruneLambdaJar.java}); a class it took out wrongly
 * fails here with a {@code NoClassDefFoundError} in a task's result. One warm runtime serves all
 * the invocations: {@code S3BATCH_ACTION=copy} for schema 1.0, the job's {@code action} argument
 * for schema 2.0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaJarActionsE2ETest {

  private static final String HANDLER = "dev.s3batch.handler.S3BatchHandler::handleRequest";
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MIB = 1 << 20;

  @TempDir static Path work;

  private S3MockServer s3mock;
  private S3Client s3;
  private FakeLambdaRuntimeApi runtimeApi;
  private LambdaRuntimeProcess runtime;
  private int invocations;

  @BeforeAll
  void startRuntime() throws IOException {
    s3mock = S3MockServer.get();
    s3 = s3mock.client();
    runtimeApi = new FakeLambdaRuntimeApi();
    runtime = LambdaRuntimeProcess.start(work, HANDLER, runtimeApi, Map.of(
        "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "test",
        "AWS_SECRET_ACCESS_KEY", "test",
        "AWS_ENDPOINT_URL", s3mock.endpoint().toString(),
        "S3BATCH_ACTION", "copy",
        "S3BATCH_ALLOWED_ACTIONS", "*"));
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
  void lambdaJar_asShipped_holdsOnlyTheS3ModelOfOperationsTheFunctionCalls() throws IOException {
    try (JarFile jar = new JarFile(LambdaRuntimeProcess.lambdaJar().toFile())) {
      assertThat(jar.stream().map(e -> e.getName()))
          .contains("software/amazon/awssdk/services/s3/model/HeadObjectResponse.class",
              "software/amazon/awssdk/services/s3/paginators/ListPartsIterable.class",
              "software/amazon/awssdk/services/s3/model/PutBucketLifecycleConfigurationRequest.class")
          .noneMatch(name -> name.endsWith("/model/BucketLifecycleConfiguration.class")
              || name.endsWith("/model/GetBucketLifecycleConfigurationResponse.class")
              || name.endsWith("/paginators/ListObjectsV2Iterable.class"));
    }
    assertThat(java.nio.file.Files.size(LambdaRuntimeProcess.lambdaJar())).as("lambda jar bytes").isLessThan(8_000_000);
  }

  @Test
  void schema1_copyOfAJsonKey_copiesToItsNewKey() throws Exception {
    String bucket = s3mock.newBucket("jar-copy");
    s3.putObject(b -> b.bucket(bucket).key("in/a b+c ü.txt"), RequestBody.fromString("copied"));
    String key = "{\"origKey\": \"in/a b+c ü.txt\", \"newKey\": \"out/a b+c ü.txt\"}";
    ObjectNode event = MAPPER.createObjectNode().put("invocationSchemaVersion", "1.0").put("invocationId", "aW52LTE");
    event.putObject("job").put("id", "f3cc4f60-61f6-4a2b-8a21-d07600c373ce");
    event.putArray("tasks").addObject().put("taskId", "dDE").put("s3Key", KeyEncoder.encode(key)).putNull("s3VersionId")
        .put("s3BucketArn", "arn:aws:s3:::" + bucket);

    JsonNode result = onlyResult(event);

    assertThat(result.get("resultCode").asText()).as(result.toString()).isEqualTo("Succeeded");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("out/a b+c ü.txt")).asUtf8String()).isEqualTo("copied");
  }

  @Test
  void schema2_head_postsTheObjectsSize() throws Exception {
    String bucket = s3mock.newBucket("jar-head");
    s3.putObject(b -> b.bucket(bucket).key("h.txt"), RequestBody.fromString("12345"));

    JsonNode result = onlyResult(schema2("head", Map.of(), bucket, "h.txt"));

    assertThat(result.get("resultCode").asText()).as(result.toString()).isEqualTo("Succeeded");
    assertThat(result.get("resultString").asText()).startsWith("exists s3://" + bucket + "/h.txt size=5 ");
  }

  @Test
  void schema2_multipartCopyWithMetadataAndTags_copiesByteIdentical() throws Exception {
    String bucket = s3mock.newBucket("jar-mp");
    byte[] body = new byte[11 * MIB];
    new Random(12).nextBytes(body);
    s3.putObject(b -> b.bucket(bucket).key("big.bin"), RequestBody.fromBytes(body));

    JsonNode result = onlyResult(schema2("copy", Map.of("destinationPrefix", "copy/", "multipartThreshold", "5MiB",
        "partSize", "5 MiB", "metadataDirective", "REPLACE", "metadata", "{\"a\":\"1\",\"n\":2}",
        "taggingDirective", "REPLACE", "tags", "stage=cold%20copy"), bucket, "big.bin"));

    assertThat(result.get("resultCode").asText()).as(result.toString()).isEqualTo("Succeeded");
    HeadObjectResponse copy = s3.headObject(b -> b.bucket(bucket).key("copy/big.bin"));
    assertThat(copy.eTag()).as("two parts of 5 MiB and more").endsWith("-2\"");
    assertThat(copy.metadata()).containsOnly(Map.entry("a", "1"), Map.entry("n", "2"));
    assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("copy/big.bin")).tagSet())
        .containsExactly(Tag.builder().key("stage").value("cold copy").build());
    assertThat(sha256(s3.getObjectAsBytes(b -> b.bucket(bucket).key("copy/big.bin")).asByteArray()))
        .isEqualTo(sha256(body));
  }

  @Test
  void schema2_move_copiesThenDeletesTheSource() throws Exception {
    String bucket = s3mock.newBucket("jar-move");
    s3.putObject(b -> b.bucket(bucket).key("m.txt"), RequestBody.fromString("moved"));

    JsonNode result = onlyResult(schema2("move", Map.of("destinationPrefix", "moved/"), bucket, "m.txt"));

    assertThat(result.get("resultCode").asText()).as(result.toString()).isEqualTo("Succeeded");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("moved/m.txt")).asUtf8String()).isEqualTo("moved");
    assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("m.txt"))).isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void schema2_delete_deletesTheObject() throws Exception {
    String bucket = s3mock.newBucket("jar-delete");
    s3.putObject(b -> b.bucket(bucket).key("d.txt"), RequestBody.fromString("gone"));

    JsonNode result = onlyResult(schema2("delete", Map.of(), bucket, "d.txt"));

    assertThat(result.get("resultCode").asText()).as(result.toString()).isEqualTo("Succeeded");
    assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("d.txt"))).isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void schema2_removeDeleteMarker_restoresTheObject() throws Exception {
    String bucket = s3mock.newVersionedBucket("jar-marker");
    s3.putObject(b -> b.bucket(bucket).key("doc.txt"), RequestBody.fromString("kept"));
    s3.deleteObject(b -> b.bucket(bucket).key("doc.txt"));
    String marker = s3.listObjectVersions(b -> b.bucket(bucket)).deleteMarkers().get(0).versionId();
    ObjectNode event = schema2("remove-delete-marker", Map.of(), bucket, "doc.txt");
    ((ObjectNode) event.get("tasks").get(0)).put("s3VersionId", marker);

    JsonNode result = onlyResult(event);

    assertThat(result.get("resultCode").asText()).as(result.toString()).isEqualTo("Succeeded");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("doc.txt")).asUtf8String()).isEqualTo("kept");
  }

  @Test
  void schema2_revisePipeKey_rewritesTheText() throws Exception {
    String bucket = s3mock.newBucket("jar-revise");
    s3.putObject(b -> b.bucket(bucket).key("s.txt"), RequestBody.fromString("ça va"));

    JsonNode result = onlyResult(schema2("revise", Map.of(), bucket, "s.txt|upper"));

    assertThat(result.get("resultCode").asText()).as(result.toString()).isEqualTo("Succeeded");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("s.txt")).asUtf8String()).isEqualTo("ÇA VA");
  }

  @Test
  void schema2_tagWithJsonTags_tagsTheObject() throws Exception {
    String bucket = s3mock.newBucket("jar-tag");
    s3.putObject(b -> b.bucket(bucket).key("t.txt"), RequestBody.fromString("tagged"));

    JsonNode result = onlyResult(schema2("tag", Map.of("tags", "{\"tier\": \"cold\", \"n\": 7}"), bucket, "t.txt"));

    assertThat(result.get("resultCode").asText()).as(result.toString()).isEqualTo("Succeeded");
    assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("t.txt")).tagSet()).containsExactlyInAnyOrder(
        Tag.builder().key("tier").value("cold").build(), Tag.builder().key("n").value("7").build());
  }

  @Test
  void schema2_checksum_postsSha256AndCrc32c() throws Exception {
    String bucket = s3mock.newBucket("jar-checksum");
    s3.putObject(b -> b.bucket(bucket).key("abc.txt"), RequestBody.fromString("abc"));

    JsonNode result = onlyResult(schema2("checksum", Map.of(), bucket, "abc.txt"));

    // SHA-256("abc") from FIPS 180-2; CRC-32C("abc") = 0x364b3fb7.
    assertThat(result.get("resultCode").asText()).as(result.toString()).isEqualTo("Succeeded");
    assertThat(result.get("resultString").asText()).isEqualTo(
        "sha256=ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad crc32c=Nks/tw== size=3 s3://"
            + bucket + "/abc.txt");
  }

  private ObjectNode schema2(String action, Map<String, String> arguments, String bucket, String key) {
    ObjectNode event = MAPPER.createObjectNode().put("invocationSchemaVersion", "2.0").put("invocationId", "aW52LTI");
    ObjectNode job = event.putObject("job").put("id", "f3cc4f60-61f6-4a2b-8a21-d07600c373ce");
    ObjectNode userArguments = job.putObject("userArguments").put("action", action);
    arguments.forEach(userArguments::put);
    event.putArray("tasks").addObject().put("taskId", "dDI").put("s3Key", KeyEncoder.encode(key)).putNull("s3VersionId")
        .put("s3Bucket", bucket);
    return event;
  }

  /** The one result of {@code event}, served to the warm runtime. */
  private synchronized JsonNode onlyResult(ObjectNode event) throws Exception {
    Answer answer = runtime.invoke("req-" + ++invocations, MAPPER.writeValueAsString(event), ANSWER_TIMEOUT);
    assertThat(answer.kind()).as("answer %s\nruntime output:\n%s", answer.body(), runtime.output()).isEqualTo("response");
    JsonNode results = MAPPER.readTree(answer.body()).get("results");
    assertThat(results).as(answer.body()).hasSize(1);
    return results.get(0);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
