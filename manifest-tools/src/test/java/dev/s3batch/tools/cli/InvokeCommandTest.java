package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.testkit.S3MockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

class InvokeCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static String endpoint;
  private static String bucket;

  @BeforeAll
  static void objects() {
    S3MockServer server = S3MockServer.get();
    endpoint = server.endpoint().toString();
    bucket = server.newBucket("invoke");
    server.client().putObject(b -> b.bucket(bucket).key("dir/my file+1,ü.txt"), RequestBody.fromString("hello"));
  }

  @Test
  void invoke_bucketAndRawKey_encodesKeyRunsHeadAndPrintsResponse() throws Exception {
    CliRun run = CliRun.of("invoke", "--bucket", bucket, "--key", "dir/my file+1,ü.txt", "--action", "head",
        "--endpoint-url", endpoint);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode response = MAPPER.readTree(run.out());
    assertThat(response.get("invocationSchemaVersion").asText()).isEqualTo("1.0");
    JsonNode result = response.get("results").get(0);
    assertThat(result.get("resultCode").asText()).isEqualTo("Succeeded");
    assertThat(result.get("resultString").asText()).startsWith("exists s3://" + bucket + "/dir/my file+1,ü.txt size=5 ");
    assertThat(run.err()).contains("\"s3Key\":\"dir/my%20file%2B1%2C%C3%BC.txt\"", "\"resultCode\":\"Succeeded\"");
  }

  @Test
  void invoke_argsImplySchema2_actionFromUserArguments() throws Exception {
    CliRun run = CliRun.of("invoke", "--bucket", bucket, "--key", "dir/my file+1,ü.txt", "--arg", "action=head",
        "--endpoint-url", endpoint);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode response = MAPPER.readTree(run.out());
    assertThat(response.get("invocationSchemaVersion").asText()).isEqualTo("2.0");
    assertThat(response.get("results").get(0).get("resultCode").asText()).isEqualTo("Succeeded");
  }

  @Test
  void invoke_missingObject_exitsThreeWithPermanentFailure() throws Exception {
    CliRun run = CliRun.of("invoke", "--bucket", bucket, "--key", "nope", "--action", "head", "--endpoint-url", endpoint);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.TASKS_FAILED);
    JsonNode result = MAPPER.readTree(run.out()).get("results").get(0);
    assertThat(result.get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(result.get("resultString").asText()).startsWith("S3 error NoSuchKey (HTTP 404");
  }

  @Test
  void invoke_eventFile_runsItAsLambdaWould(@TempDir Path dir) throws Exception {
    Path event = dir.resolve("event.json");
    Files.writeString(event, "{\"invocationSchemaVersion\":\"2.0\",\"invocationId\":\"inv-1\",\"job\":{\"id\":\"job-1\","
        + "\"userArguments\":{\"action\":\"head\"}},\"tasks\":[{\"taskId\":\"task-1\",\"s3Key\":\"dir/my%20file%2B1%2C%C3%BC.txt\","
        + "\"s3VersionId\":null,\"s3Bucket\":\"" + bucket + "\"}]}", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("invoke", "--event", event.toString(), "--endpoint-url", endpoint);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode response = MAPPER.readTree(run.out());
    assertThat(response.get("invocationId").asText()).isEqualTo("inv-1");
    assertThat(response.get("results").get(0).get("taskId").asText()).isEqualTo("task-1");
  }

  @Test
  void invoke_eventTheFunctionCannotAnswer_exitsOneWithLambdasErrorPayload(@TempDir Path dir) throws Exception {
    Path event = dir.resolve("event.json");
    Files.writeString(event, "{\"invocationSchemaVersion\":\"1.0\",\"job\":{\"id\":\"j\"},\"tasks\":[]}");

    CliRun run = CliRun.of("invoke", "--event", event.toString(), "--action", "head");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("s3batch: the function failed the invocation: {\"errorMessage\":\"event has no "
        + "\\\"invocationId\\\"\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}\n");
  }

  @Test
  void invoke_missingEventFile_exitsTwoNamingIt() {
    CliRun run = CliRun.of("invoke", "--event", "/no/such/event.json");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("s3batch: --event /no/such/event.json: no such file\n");
  }

  @Test
  void invoke_argWithSchema1_exitsTwo() {
    CliRun run = CliRun.of("invoke", "--bucket", "b", "--key", "k", "--schema", "1.0", "--arg", "action=head");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--arg needs --schema 2.0");
  }

  @Test
  void invoke_bucketWithoutKey_exitsTwoWithUsageHint() {
    CliRun run = CliRun.of("invoke", "--bucket", "b");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--key").contains("Try 's3batch invoke --help'");
  }
}
