package dev.s3batch.handler.action;

import dev.s3batch.handler.spi.ActionContext;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.ObjectTask;
import dev.s3batch.handler.spi.TaskOutcome;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;

/**
 * {@code delete}: deletes the object, or, when the task names a version, permanently deletes
 * that version (an object version or a delete marker). S3's DeleteObject succeeds whether or not
 * there is anything to delete, so the action first looks (HeadObject; GetObject only after a
 * bodiless 404) and reports what it found and did:
 *
 * <ul>
 *   <li>{@code deleted s3://b/k} (unversioned bucket);
 *   <li>{@code deleted s3://b/k: delete marker X created, earlier versions kept} (versioned bucket,
 *       no version id);
 *   <li>{@code deleted version X of s3://b/k permanently}, or {@code deleted delete marker X ...};
 *   <li>{@code already absent: ...} (Succeeded) when there is nothing to delete, so a redriven or
 *       repeated job does not fail. A missing bucket is a PermanentFailure (NoSuchBucket).
 * </ul>
 *
 * <p>IAM: {@code s3:GetObject} and {@code s3:DeleteObject}; for versioned tasks
 * {@code s3:GetObjectVersion} and {@code s3:DeleteObjectVersion}.
 */
public final class DeleteAction implements ObjectAction {

  @Override
  public TaskOutcome perform(ObjectTask task, ActionContext context) {
    S3Answers.Presence found = S3Answers.probe(context.s3(), task);
    boolean versioned = task.versionId() != null;
    if (found == S3Answers.Presence.ABSENT) {
      return TaskOutcome.succeeded(
          "already absent: " + task.location() + (versioned ? " (no such version)" : " (no such key)"));
    }
    if (found == S3Answers.Presence.DELETE_MARKER && !versioned) {
      return TaskOutcome.succeeded(
          "already absent: " + task.location() + " (its latest version is a delete marker)");
    }
    DeleteObjectResponse deleted =
        context.s3().deleteObject(b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()));
    if (versioned) {
      return TaskOutcome.succeeded("deleted "
          + (found == S3Answers.Presence.DELETE_MARKER ? "delete marker " : "version ") + task.versionId()
          + " of s3://" + task.bucket() + "/" + task.key() + " permanently");
    }
    if (Boolean.TRUE.equals(deleted.deleteMarker())) {
      return TaskOutcome.succeeded("deleted " + task.location() + ": delete marker "
          + deleted.versionId() + " created, earlier versions kept");
    }
    return TaskOutcome.succeeded("deleted " + task.location());
  }
}
