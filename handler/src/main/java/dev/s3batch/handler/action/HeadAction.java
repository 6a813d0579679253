package dev.s3batch.handler.action;

import dev.s3batch.handler.spi.ActionContext;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.ObjectTask;
import dev.s3batch.handler.spi.TaskOutcome;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@code head}: checks that the object (or the task's version) exists, with HeadObject. The
 * result string carries its size, ETag and version id:
 * {@code exists s3://bucket/key size=12 etag="..." versionId=...}. IAM: {@code s3:GetObject}
 * (and {@code s3:GetObjectVersion} for versioned tasks).
 */
public final class HeadAction implements ObjectAction {

  @Override
  public TaskOutcome perform(ObjectTask task, ActionContext context) {
    HeadObjectResponse head =
        context.s3().headObject(b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()));
    return TaskOutcome.succeeded(
        "exists " + task.location() + " size=" + head.contentLength() + " etag=" + head.eTag()
            + " versionId=" + (head.versionId() == null ? "null" : head.versionId()));
  }
}
