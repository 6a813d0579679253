package dev.s3batch.handler.action;

import dev.s3batch.handler.internal.OutcomeException;
import dev.s3batch.handler.internal.copy.ObjectCopier;
import dev.s3batch.handler.internal.copy.Target;
import dev.s3batch.handler.spi.ActionContext;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.ObjectTask;
import dev.s3batch.handler.spi.TaskOutcome;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * {@code copy}: copies the object (the task's version, when it names one) to the destination
 * bucket and/or prefix, or to a JSON key's {@code newKey} (and {@code destinationBucket}), keeping
 * metadata, content headers, tags and storage class unless the settings say otherwise. Objects
 * above {@code multipartThreshold} (default 5 GiB) are copied in parts, resumably across redrives.
 * A target that already holds the same content answers "already copied" without copying.
 *
 * <p>Result strings: {@code copied s3://a/k?versionId=v to s3://b/p/k (12 bytes, etag "...")},
 * {@code already copied ...}, {@code destination bucket not allowed: ...}, {@code deadline near: ...}.
 */
public final class CopyAction implements ObjectAction {

  @Override
  public TaskOutcome perform(ObjectTask task, ActionContext context) throws Exception {
    ObjectCopier copier = null;
    try {
      copier = new ObjectCopier(context);
      Target target = copier.target(task);
      return TaskOutcome.succeeded(copier.copy(task, target).message("copied"));
    } catch (OutcomeException e) {
      return e.outcome();
    } catch (ApiCallTimeoutException e) {
      if (copier != null && copier.deadline().near()) {
        return copier.deadline().nearException("the copy").outcome();
      }
      throw e;
    }
  }
}
