package dev.s3batch.handler.event;

import java.util.Objects;
import java.util.Optional;

/**
 * One task of an invocation, as S3 Batch Operations sends it. Schema 1.0 names the bucket by ARN
 * ({@code s3BucketArn}, either {@code arn:aws:s3:::bucket} or
 * {@code arn:aws:s3:us-east-1:0123456788:bucket}); schema 2.0 by name ({@code s3Bucket}).
 * The key is URL-encoded exactly as in the manifest.
 *
 * <pre>{@code
 * { "taskId": "dGFza2lkZ29lc2hlcmUK", "s3Key": "customerImage1.jpg",
 *   "s3VersionId": "1", "s3BucketArn": "arn:aws:s3:::amzn-s3-demo-bucket" }
 * }</pre>
 *
 * @param taskId the task id to echo in the result; never null
 * @param s3Key the URL-encoded key, or null when the event had none
 * @param s3VersionId the version id, or null when the manifest has none
 * @param s3BucketArn the bucket ARN (schema 1.0), or null
 * @param s3Bucket the bucket name (schema 2.0), or null
 * @param problem why the task cannot be run though it can be answered (a field that is an array
 *     or an object instead of a string; that field is then null), or null
 */
public record BatchTask(
    String taskId, String s3Key, String s3VersionId, String s3BucketArn, String s3Bucket, String problem) {

  public BatchTask {
    Objects.requireNonNull(taskId, "taskId");
  }

  /** A task that can be run. */
  public BatchTask(String taskId, String s3Key, String s3VersionId, String s3BucketArn, String s3Bucket) {
    this(taskId, s3Key, s3VersionId, s3BucketArn, s3Bucket, null);
  }

  /**
   * The bucket name: {@code s3Bucket} when present, otherwise the text after the last {@code :}
   * of {@code s3BucketArn}; empty when neither gives a name.
   */
  public Optional<String> bucketName() {
    if (s3Bucket != null && !s3Bucket.isEmpty()) {
      return Optional.of(s3Bucket);
    }
    if (s3BucketArn != null) {
      String name = s3BucketArn.substring(s3BucketArn.lastIndexOf(':') + 1);
      if (!name.isEmpty()) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** The version id, empty when the task names none. */
  public Optional<String> versionId() {
    return Optional.ofNullable(s3VersionId).filter(v -> !v.isEmpty());
  }
}
