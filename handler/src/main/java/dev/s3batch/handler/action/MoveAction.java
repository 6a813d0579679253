package dev.s3batch.handler.action;

import dev.s3batch.handler.internal.OutcomeException;
import dev.s3batch.handler.internal.copy.CopyResult;
import dev.s3batch.handler.internal.copy.ObjectCopier;
import dev.s3batch.handler.internal.copy.Target;
import dev.s3batch.handler.spi.ActionContext;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.ObjectTask;
import dev.s3batch.handler.spi.TaskOutcome;
import java.util.Objects;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@code move}: {@code copy}, verify, then delete the source: the task's version when it names
 * one (DeleteObject with that version id), else the current object (in a versioned bucket that
 * leaves a delete marker, as {@code aws s3 mv} does).
 *
 * <p>Verified means: HeadObject of the destination key shows the source's size and the ETag the
 * copy produced (if anything replaced the copy meanwhile, the source is kept); the copy read the source pinned to its
 * version and ETag ({@code x-amz-copy-source-if-match}), and a multipart copy's ETag was checked
 * against its parts. When the task names no version, the source must still have the ETag that
 * was copied, or it is not deleted. A move onto the source itself is refused.
 */
public final class MoveAction implements ObjectAction {

  @Override
  public TaskOutcome perform(ObjectTask task, ActionContext context) throws Exception {
    ObjectCopier copier = null;
    try {
      copier = new ObjectCopier(context);
      Target target = copier.target(task);
      if (target.isSource(task)) {
        return TaskOutcome.permanentFailure(
            "move onto itself: the destination " + target.location() + " is the source; nothing copied or deleted");
      }
      CopyResult copy = copier.copy(task, target);
      verify(copier, copy);
      delete(copier, task, copy);
      return TaskOutcome.succeeded(copy.message("moved").replaceFirst("^already copied", "moved (already copied)"));
    } catch (OutcomeException e) {
      return e.outcome();
    } catch (ApiCallTimeoutException e) {
      if (copier != null && copier.deadline().near()) {
        return copier.deadline().nearException("the move").outcome();
      }
      throw e;
    }
  }

  private static void verify(ObjectCopier copier, CopyResult copy) {
    Target t = copy.target();
    HeadObjectResponse h = copier.head(copier.s3(), t.bucket(), t.key(), null, "verifying the copy");
    if (!Objects.equals(h.contentLength(), copy.source().size()) || !Objects.equals(h.eTag(), copy.eTag())) {
      throw new OutcomeException(TaskOutcome.permanentFailure(
          "copy not verified: " + t.location() + " has " + h.contentLength() + " bytes, etag " + h.eTag()
              + "; expected " + copy.source().size() + " bytes, etag " + copy.eTag() + "; source kept",
          "CopyNotVerified"));
    }
  }

  private static void delete(ObjectCopier copier, ObjectTask task, CopyResult copy) {
    S3Client s3 = copier.s3();
    if (task.versionId() == null) {
      HeadObjectResponse now = copier.head(s3, task.bucket(), task.key(), null, "re-reading the source");
      if (!Objects.equals(now.eTag(), copy.source().eTag())) {
        throw new OutcomeException(TaskOutcome.permanentFailure(
            "source changed after the copy (etag " + now.eTag() + ", copied " + copy.source().eTag()
                + "); source kept, copy at " + copy.target().location(), "SourceChanged"));
      }
    }
    s3.deleteObject(copier.deadline().bound(
        DeleteObjectRequest.builder().bucket(task.bucket()).key(task.key()).versionId(task.versionId()),
        "before deleting the source").build());
  }
}
