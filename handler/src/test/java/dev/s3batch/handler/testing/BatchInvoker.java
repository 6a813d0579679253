package dev.s3batch.handler.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3batch.handler.S3BatchHandler;
import dev.s3batch.testkit.S3MockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Drives the real {@link S3BatchHandler} the way Lambda does: an invocation event as JSON bytes
 * in, the response JSON out; the handler talks to S3Mock over HTTP with a real SDK client that
 * carries a {@link RequestRecorder}.
 */
public final class BatchInvoker {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RequestRecorder recorder = new RequestRecorder();
  private final S3Client client;
  private final S3BatchHandler handler;

  /** An invoker whose function has this environment. */
  public BatchInvoker(Map<String, String> environment) {
    this.client = S3Client.builder()
        .endpointOverride(S3MockServer.get().endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.addExecutionInterceptor(recorder))
        .build();
    this.handler = new S3BatchHandler(environment, () -> client);
  }

  /** The requests the handler made. */
  public RequestRecorder recorder() {
    return recorder;
  }

  /** One task: bucket name, key as a manifest holds it (URL-encoded), version id or null. */
  public record Task(String bucket, String s3Key, String versionId) {
    /** A task for a plain key, encoded here. */
    public static Task of(String bucket, String key) {
      return new Task(bucket, ManifestKeys.encode(key), null);
    }
  }

  /** The response: one result per task. */
  public record Response(JsonNode json) {
    public String code(int i) {
      return json.get("results").get(i).get("resultCode").asText();
    }

    public String message(int i) {
      return json.get("results").get(i).get("resultString").asText();
    }

    public String code() {
      return code(0);
    }

    public String message() {
      return message(0);
    }
  }

  /** Invokes with a schema 2.0 event carrying these user arguments and tasks. */
  public Response invoke(Map<String, String> userArguments, List<Task> tasks, Context context) {
    ObjectNode event = JSON.createObjectNode();
    event.put("invocationSchemaVersion", "2.0");
    event.put("invocationId", "inv-" + UUID.randomUUID());
    ObjectNode job = event.putObject("job");
    job.put("id", "job-" + UUID.randomUUID());
    ObjectNode args = job.putObject("userArguments");
    userArguments.forEach(args::put);
    ArrayNode array = event.putArray("tasks");
    for (int i = 0; i < tasks.size(); i++) {
      ObjectNode t = array.addObject();
      t.put("taskId", "task-" + i);
      t.put("s3Key", tasks.get(i).s3Key());
      t.put("s3VersionId", tasks.get(i).versionId());
      t.put("s3Bucket", tasks.get(i).bucket());
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, context);
      JsonNode response = JSON.readTree(out.toByteArray());
      if (response.get("results").size() != tasks.size()) {
        throw new AssertionError("expected " + tasks.size() + " results: " + response);
      }
      return new Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Invokes with an event as Lambda delivers it (for example a fixture file's bytes). */
  public Response invokeRaw(byte[] event, Context context) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event), out, context);
      return new Response(JSON.readTree(out.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Invokes with one task and ample time. */
  public Response invoke(Map<String, String> userArguments, Task task) {
    return invoke(userArguments, List.of(task), TestLambdaContext.ample());
  }
}
