package dev.s3batch.handler.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.s3batch.handler.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an S3 Batch Operations invocation event (schema 1.0 or 2.0) from JSON bytes. Unknown
 * fields are ignored, as S3 may add some; missing required ones are an
 * {@link InvalidEventException} naming the field (and the task index, for a task).
 *
 * <p>Thread-safe and stateless.
 */
public final class EventReader {

  private EventReader() {}

  /** Parses one event. */
  public static BatchEvent read(InputStream in) throws IOException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(
          "event is not valid JSON: " + e.getOriginalMessage()
              + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }
    return read(root);
  }

  /** Parses one event from bytes. */
  public static BatchEvent read(byte[] json) {
    try {
      return read(new java.io.ByteArrayInputStream(json));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static BatchEvent read(JsonNode root) {
    if (root == null || root.isMissingNode()) {
      throw new InvalidEventException("event is empty: expected a JSON object");
    }
    if (!root.isObject()) {
      throw new InvalidEventException("event is not a JSON object but " + kind(root));
    }
    String version = requiredText(root, "invocationSchemaVersion", "event");
    SchemaVersion schema =
        SchemaVersion.fromWire(version)
            .orElseThrow(
                () -> new InvalidEventException(
                    "unknown invocationSchemaVersion \"" + version + "\": this handler knows 1.0 and 2.0"));
    String invocationId = requiredText(root, "invocationId", "event");
    BatchJob job = readJob(root.get("job"));
    JsonNode tasks = root.get("tasks");
    if (tasks == null || tasks.isNull()) {
      throw new InvalidEventException("event has no \"tasks\" array");
    }
    if (!tasks.isArray()) {
      throw new InvalidEventException("event field \"tasks\" is " + kind(tasks) + ", not an array");
    }
    List<BatchTask> list = new ArrayList<>(tasks.size());
    for (int i = 0; i < tasks.size(); i++) {
      list.add(readTask(tasks.get(i), i));
    }
    return new BatchEvent(schema, invocationId, job, list);
  }

  private static BatchJob readJob(JsonNode job) {
    if (job == null || job.isNull()) {
      return new BatchJob("", Map.of());
    }
    if (!job.isObject()) {
      throw new InvalidEventException("event field \"job\" is " + kind(job) + ", not an object");
    }
    String id = optionalText(job, "id", "job");
    Map<String, String> args = new LinkedHashMap<>();
    JsonNode user = job.get("userArguments");
    if (user != null && !user.isNull()) {
      if (!user.isObject()) {
        throw new InvalidEventException("job.userArguments is " + kind(user) + ", not an object");
      }
      Iterator<Map.Entry<String, JsonNode>> fields = user.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          throw new InvalidEventException(
              "job.userArguments." + e.getKey() + " is " + kind(e.getValue()) + ", not a string");
        }
        args.put(e.getKey(), e.getValue().asText());
      }
    }
    return new BatchJob(id == null ? "" : id, args);
  }

  /**
   * A task; one without a usable {@code taskId} cannot be answered and fails the invocation, any
   * other field of the wrong type fails only this task ({@link BatchTask#problem()}).
   */
  private static BatchTask readTask(JsonNode task, int index) {
    String where = "tasks[" + index + "]";
    if (task == null || !task.isObject()) {
      throw new InvalidEventException(where + " is " + kind(task) + ", not an object");
    }
    String taskId = requiredText(task, "taskId", where);
    List<String> problems = new ArrayList<>();
    return new BatchTask(
        taskId,
        taskText(task, "s3Key", where, problems),
        taskText(task, "s3VersionId", where, problems),
        taskText(task, "s3BucketArn", where, problems),
        taskText(task, "s3Bucket", where, problems),
        problems.isEmpty() ? null : String.join("; ", problems));
  }

  /** A task's text field; one that is an array or an object is null, and the problem noted. */
  private static String taskText(JsonNode task, String field, String where, List<String> problems) {
    JsonNode value = task.get(field);
    if (value != null && !value.isValueNode()) {
      problems.add(where + " (task " + task.get("taskId").asText() + ") field \"" + field + "\" is " + kind(value)
          + ", not a string: " + value);
      return null;
    }
    return optionalText(task, field, where);
  }

  private static String requiredText(JsonNode node, String field, String where) {
    String value = optionalText(node, field, where);
    if (value == null || value.isEmpty()) {
      throw new InvalidEventException(where + " has no \"" + field + "\"");
    }
    return value;
  }

  private static String optionalText(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new InvalidEventException(where + " field \"" + field + "\" is " + kind(value) + ", not a string");
    }
    return value.asText();
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> node.getNodeType().name().toLowerCase();
    };
  }
}
