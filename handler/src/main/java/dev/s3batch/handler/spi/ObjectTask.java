package dev.s3batch.handler.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One task, ready for an action: the bucket name, the decoded object key, the version id, and
 * the task parameters that a JSON key ({@code {"origKey": "a", "newKey": "b"}}) or a pipe key
 * ({@code key|upper}, parameter {@code argument}) carried.
 *
 * <pre>{@code
 * s3.headObject(b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()));
 * String newKey = task.parameter("newKey").orElse(task.key());
 * }</pre>
 *
 * @param taskId the task id from the event
 * @param jobId the job id from the event (may be empty)
 * @param bucket the bucket name
 * @param key the object key, URL-decoded (for JSON keys, the {@code origKey} or {@code key} field)
 * @param versionId the version id, or null when the task names none
 * @param encodedKey the key exactly as S3 sent it (URL-encoded), for messages
 * @param parameters the task parameters; JSON values other than strings are kept as JSON text
 */
public record ObjectTask(
    String taskId,
    String jobId,
    String bucket,
    String key,
    String versionId,
    String encodedKey,
    Map<String, String> parameters) {

  public ObjectTask {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(encodedKey, "encodedKey");
    parameters = Map.copyOf(parameters);
  }

  /** The version id, empty when the task names none. */
  public Optional<String> version() {
    return Optional.ofNullable(versionId);
  }

  /** A task parameter, empty when the key carried none of that name. */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /** {@code s3://bucket/key}, with {@code ?versionId=} when there is one; for messages. */
  public String location() {
    return "s3://" + bucket + "/" + key + (versionId == null ? "" : "?versionId=" + versionId);
  }
}
