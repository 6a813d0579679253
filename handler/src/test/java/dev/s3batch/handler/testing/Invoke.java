package dev.s3batch.handler.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3batch.handler.S3BatchHandler;
import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.response.TaskResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the real handler on an event built like S3 Batch Operations builds it (schema 1.0 with a
 * bucket ARN, or 2.0 with {@code s3Bucket} when there are user arguments), through its JSON
 * stream interface, and reads the JSON response back.
 *
 * <pre>{@code
 * TaskResult r = Invoke.action("delete").on(bucket, "a.txt").run(s3).only();
 * }</pre>
 */
public final class Invoke {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, String> environment = new LinkedHashMap<>();
  private final Map<String, String> userArguments = new LinkedHashMap<>();
  private final List<String[]> tasks = new ArrayList<>();
  private String jobId = "job-0001";

  private Invoke() {}

  /** An invocation of the function configured with {@code S3BATCH_ACTION=action}. */
  public static Invoke action(String action) {
    Invoke i = new Invoke();
    i.environment.put("S3BATCH_ACTION", action);
    return i;
  }

  public Invoke env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  public Invoke userArgument(String name, String value) {
    userArguments.put(name, value);
    return this;
  }

  public Invoke jobId(String id) {
    this.jobId = id;
    return this;
  }

  /** Adds a task for an unencoded key (it is URL-encoded as a manifest writer would). */
  public Invoke on(String bucket, String key) {
    return onVersion(bucket, key, null);
  }

  /** Adds a task for an unencoded key and version. */
  public Invoke onVersion(String bucket, String key, String versionId) {
    tasks.add(new String[] {bucket, encode(key), versionId});
    return this;
  }

  /** Adds a task whose key is already URL-encoded, exactly as in a manifest row. */
  public Invoke onEncoded(String bucket, String encodedKey, String versionId) {
    tasks.add(new String[] {bucket, encodedKey, versionId});
    return this;
  }

  /** The answer to one invocation. */
  public record Reply(String json, List<TaskResult> results, List<String> logLines) {
    public TaskResult only() {
      if (results.size() != 1) {
        throw new AssertionError("expected one result, got " + results);
      }
      return results.get(0);
    }
  }

  /** Runs a new handler whose S3 client is {@code s3}. */
  public Reply run(S3Client s3) {
    return run(new S3BatchHandler(new HashMap<>(environment), () -> s3));
  }

  /** Runs a new handler whose S3 client is {@code s3} and whose actions come from {@code registry}. */
  public Reply run(S3Client s3, dev.s3batch.handler.action.ActionRegistry registry) {
    return run(new S3BatchHandler(new HashMap<>(environment), () -> s3, registry));
  }

  /** Runs the given handler. */
  public Reply run(S3BatchHandler handler) {
    TestLambdaContext context = TestLambdaContext.ample();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event().getBytes(StandardCharsets.UTF_8)), out, context);
      String json = out.toString(StandardCharsets.UTF_8);
      List<TaskResult> results = new ArrayList<>();
      for (JsonNode r : MAPPER.readTree(json).get("results")) {
        results.add(new TaskResult(
            r.get("taskId").asText(), ResultCode.valueOf(r.get("resultCode").asText()), r.get("resultString").asText()));
      }
      return new Reply(json, results, context.logLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event JSON. */
  public String event() {
    boolean v2 = !userArguments.isEmpty();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("invocationSchemaVersion", v2 ? "2.0" : "1.0");
    root.put("invocationId", "aW52b2NhdGlvbi0x");
    ObjectNode job = root.putObject("job");
    job.put("id", jobId);
    if (v2) {
      ObjectNode args = job.putObject("userArguments");
      userArguments.forEach(args::put);
    }
    int n = 0;
    for (String[] t : tasks) {
      ObjectNode task = root.withArray("tasks").addObject();
      task.put("taskId", "task-" + (++n));
      task.put("s3Key", t[1]);
      task.put("s3VersionId", t[2]);
      if (v2) {
        task.put("s3Bucket", t[0]);
      } else {
        task.put("s3BucketArn", "arn:aws:s3:::" + t[0]);
      }
    }
    return root.toString();
  }

  /** Percent-encodes everything outside the unreserved set (space as %20), as a manifest holds keys. */
  public static String encode(String key) {
    StringBuilder sb = new StringBuilder();
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~/".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
  }
}
