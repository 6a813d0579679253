package dev.s3batch.handler.action;

import dev.s3batch.handler.spi.ActionContext;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.ObjectTask;
import dev.s3batch.handler.spi.TaskOutcome;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code remove-delete-marker}: when the task's version is a delete marker, deletes that version,
 * which makes the version before it current again (the object is restored). As AWS's example
 * "Removing delete markers" in the S3 user guide: HeadObject on the version; an answer with
 * {@code x-amz-delete-marker: true} (AWS: 405, S3Mock: 404) means it is a marker; a version that
 * is an object is a PermanentFailure. Manifests for this action list the marker version ids
 * (ListObjectVersions' {@code DeleteMarkers}).
 *
 * <p>IAM: {@code s3:GetObjectVersion} and {@code s3:DeleteObjectVersion}.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-invoke-lambda.html">Invoke
 *     AWS Lambda function (S3 user guide, with the examples)</a>
 */
public final class RemoveDeleteMarkerAction implements ObjectAction {

  @Override
  public TaskOutcome perform(ObjectTask task, ActionContext context) {
    if (task.versionId() == null) {
      return TaskOutcome.permanentFailure(
          "remove-delete-marker needs a version id: the manifest row for " + task.location()
              + " has none (list the delete markers' version ids, bucket,key,versionId)");
    }
    try {
      context.s3().headObject(b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()));
    } catch (S3Exception e) {
      if (!S3Answers.isDeleteMarker(e)) {
        throw e;
      }
      context.s3().deleteObject(b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()));
      return TaskOutcome.succeeded(
          "removed delete marker " + task.versionId() + " from s3://" + task.bucket() + "/" + task.key());
    }
    return TaskOutcome.permanentFailure(
        "version " + task.versionId() + " of s3://" + task.bucket() + "/" + task.key()
            + " is not a delete marker: nothing removed", "NotADeleteMarker");
  }
}
