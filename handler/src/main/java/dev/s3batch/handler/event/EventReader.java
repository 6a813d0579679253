package dev.s3batch.handler.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.s3batch.handler.internal.JsonTree;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an S3 Batch Operations invocation event (schema 1.0 or 2.0) from JSON bytes. Unknown
 * fields are ignored, as S3 may add some; missing required ones are an
 * {@link InvalidEventException} naming the field (and the task index, for a task).
 *
 * <p>The event is read with jackson-core's streaming parser ({@link JsonTree}), not databind: it is
 * the first thing a cold function does. Thread-safe and stateless.
 */
public final class EventReader {

  private EventReader() {}

  /** Parses one event. */
  public static BatchEvent read(InputStream in) throws IOException {
    Object root;
    try {
      root = JsonTree.read(in);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(
          "event is not valid JSON: " + e.getOriginalMessage()
              + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    } catch (CharConversionException e) {
      // Jackson reads a document that starts like UTF-16 or UTF-32 in that encoding, and says so
      // with this IOException when its bytes are not: the event is no text, not a failed read.
      throw new InvalidEventException("event is not valid JSON text: " + e.getMessage());
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

  private static BatchEvent read(Object root) {
    if (root == null) {
      throw new InvalidEventException("event is empty: expected a JSON object");
    }
    if (!(root instanceof Map<?, ?> event)) {
      throw new InvalidEventException("event is not a JSON object but " + JsonTree.kind(root));
    }
    String version = requiredText(event, "invocationSchemaVersion", "event");
    SchemaVersion schema =
        SchemaVersion.fromWire(version)
            .orElseThrow(
                () -> new InvalidEventException(
                    "unknown invocationSchemaVersion \"" + version + "\": this handler knows 1.0 and 2.0"));
    String invocationId = requiredText(event, "invocationId", "event");
    BatchJob job = readJob(event.get("job"));
    Object tasks = event.get("tasks");
    if (tasks == null || tasks == JsonTree.NULL) {
      throw new InvalidEventException("event has no \"tasks\" array");
    }
    if (!(tasks instanceof List<?> array)) {
      throw new InvalidEventException("event field \"tasks\" is " + JsonTree.kind(tasks) + ", not an array");
    }
    List<BatchTask> list = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      list.add(readTask(array.get(i), i));
    }
    return new BatchEvent(schema, invocationId, job, list);
  }

  private static BatchJob readJob(Object value) {
    if (value == null || value == JsonTree.NULL) {
      return new BatchJob("", Map.of());
    }
    if (!(value instanceof Map<?, ?> job)) {
      throw new InvalidEventException("event field \"job\" is " + JsonTree.kind(value) + ", not an object");
    }
    String id = optionalText(job, "id", "job");
    Map<String, String> args = new LinkedHashMap<>();
    Object user = job.get("userArguments");
    if (user != null && user != JsonTree.NULL) {
      if (!(user instanceof Map<?, ?> fields)) {
        throw new InvalidEventException("job.userArguments is " + JsonTree.kind(user) + ", not an object");
      }
      for (Map.Entry<?, ?> e : fields.entrySet()) {
        if (!JsonTree.isScalar(e.getValue()) || e.getValue() == JsonTree.NULL) {
          throw new InvalidEventException(
              "job.userArguments." + e.getKey() + " is " + JsonTree.kind(e.getValue()) + ", not a string");
        }
        args.put((String) e.getKey(), JsonTree.text(e.getValue()));
      }
    }
    return new BatchJob(id == null ? "" : id, args);
  }

  /**
   * A task; one without a usable {@code taskId} cannot be answered and fails the invocation, any
   * other field of the wrong type fails only this task ({@link BatchTask#problem()}).
   */
  private static BatchTask readTask(Object value, int index) {
    String where = "tasks[" + index + "]";
    if (!(value instanceof Map<?, ?> task)) {
      throw new InvalidEventException(where + " is " + JsonTree.kind(value) + ", not an object");
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
  private static String taskText(Map<?, ?> task, String field, String where, List<String> problems) {
    Object value = task.get(field);
    if (value != null && !JsonTree.isScalar(value)) {
      problems.add(where + " (task " + JsonTree.text(task.get("taskId")) + ") field \"" + field + "\" is "
          + JsonTree.kind(value) + ", not a string: " + JsonTree.toJson(value));
      return null;
    }
    return optionalText(task, field, where);
  }

  private static String requiredText(Map<?, ?> node, String field, String where) {
    String value = optionalText(node, field, where);
    if (value == null || value.isEmpty()) {
      throw new InvalidEventException(where + " has no \"" + field + "\"");
    }
    return value;
  }

  private static String optionalText(Map<?, ?> node, String field, String where) {
    Object value = node.get(field);
    if (value == null || value == JsonTree.NULL) {
      return null;
    }
    if (!JsonTree.isScalar(value)) {
      throw new InvalidEventException(
          where + " field \"" + field + "\" is " + JsonTree.kind(value) + ", not a string");
    }
    return JsonTree.text(value);
  }
}
