package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.lambda.FunctionSpec;
import dev.s3batch.tools.lambda.LambdaService;
import dev.s3batch.tools.manifest.KeyEncoder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * {@code lambda serve}'s service ({@link LambdaService}) hosting the shipped lambda jar
 * ({@code handler/target/s3batch-handler-*-lambda.jar}) and small test functions
 * ({@link LambdaTestFunctions}), called with the real SDK clients over HTTP; the jar's S3 is
 * S3Mock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaServeE2ETest {

  private static final String HANDLER = "dev.s3batch.handler.S3BatchHandler::handleRequest";
  private static final String FUNCTIONS = "dev.s3batch.e2e.LambdaTestFunctions::";
  private static final String KEY = "lambda-serve/photo 1+ü.jpg";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
  private S3MockServer s3mock;
  private String bucket;
  private LambdaService service;
  private LambdaClient lambda;

  @BeforeAll
  void start() throws Exception {
    s3mock = S3MockServer.get();
    bucket = s3mock.newBucket("lambda-serve");
    s3mock.client().putObject(b -> b.bucket(bucket).key(KEY), RequestBody.fromString("twelve bytes"));
    Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
    service = LambdaService.start(List.of(
        FunctionSpec.parse("s3batch=" + HANDLER + "@" + LambdaRuntimeProcess.lambdaJar()).withEnv(Map.of(
            "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
            "AWS_ENDPOINT_URL", s3mock.endpoint().toString(), "S3BATCH_ACTION", "head")).withTimeout(120),
        FunctionSpec.parse("echo=" + FUNCTIONS + "echo@" + testClasses)),
        0, log::add);
    lambda = LambdaClient.builder()
        .endpointOverride(service.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @AfterAll
  void stop() {
    if (lambda != null) {
      lambda.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void invoke_shippedJarWithBatchEvent_answersTheHandlersResultsWithTail() throws Exception {
    ObjectNode event = fixture("schema1_aws_example.json");
    ((ObjectNode) event.get("tasks").get(0))
        .put("s3BucketArn", "arn:aws:s3:::" + bucket).put("s3Key", KeyEncoder.encode(KEY)).putNull("s3VersionId");

    InvokeResponse response = lambda.invoke(b -> b.functionName("s3batch").logType(LogType.TAIL)
        .payload(SdkBytes.fromUtf8String(event.toString())));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
    assertThat(response.executedVersion()).isEqualTo("$LATEST");
    JsonNode result = MAPPER.readTree(response.payload().asUtf8String()).get("results").get(0);
    assertThat(result.get("taskId").asText()).isEqualTo("dGFza2lkZ29lc2hlcmUK");
    assertThat(result.get("resultCode").asText()).isEqualTo("Succeeded");
    String tail = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    String requestId = response.responseMetadata().requestId();
    assertThat(tail).contains("START RequestId: " + requestId, "END RequestId: " + requestId,
        "\"taskId\":\"dGFza2lkZ29lc2hlcmUK\"");
  }

  private static ObjectNode fixture(String name) throws Exception {
    try (InputStream in = LambdaServeE2ETest.class.getResourceAsStream("/events/lambda-runtime/" + name)) {
      return (ObjectNode) MAPPER.readTree(in);
    }
  }
}
