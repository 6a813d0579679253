package dev.s3batch.handler.internal.copy;

import dev.s3batch.handler.spi.ObjectTask;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a task's copy goes. The bucket: the JSON key's {@code destinationBucket}, else the
 * {@code destinationBucket} setting, else the task's own bucket. The key: the JSON key's
 * {@code newKey} as given, else {@code destinationPrefix} plus the source key; the part the job
 * chose must pass {@link DestinationKey}.
 *
 * @param bucket the destination bucket
 * @param key the destination key
 */
public record Target(String bucket, String key) {

  public Target {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
  }

  /** The destination of {@code task} under these settings. */
  public static Target of(ObjectTask task, CopySettings settings) {
    String bucket = task.parameter("destinationBucket")
        .orElse(settings.destinationBucket() == null ? task.bucket() : settings.destinationBucket());
    if (bucket.isBlank()) {
      throw new IllegalArgumentException("task " + task.taskId() + " names an empty destinationBucket");
    }
    Optional<String> newKey = task.parameter("newKey");
    if (newKey.isPresent()) {
      DestinationKey.checkNewKey(task.taskId(), newKey.get());
      return new Target(bucket, newKey.get());
    }
    DestinationKey.checkPrefixed(task.taskId(), settings.destinationPrefix(), task.key());
    return new Target(bucket, settings.destinationPrefix() + task.key());
  }

  /** Whether this is where the source itself lives. */
  public boolean isSource(ObjectTask task) {
    return bucket.equals(task.bucket()) && key.equals(task.key());
  }

  /** {@code s3://bucket/key}. */
  public String location() {
    return "s3://" + bucket + "/" + key;
  }
}
