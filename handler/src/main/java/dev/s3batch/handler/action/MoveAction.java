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
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

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
 *
 * <p>A redrive of a move whose delete S3 carried out but whose answer was lost finds the source
 * gone and the destination there: it answers Succeeded, {@code already moved: the source ... is
 * gone and s3://b/k holds 12 bytes, etag "..."}, deleting and copying nothing (the content cannot
 * be compared with a source that no longer exists; the message says what the destination holds).
 * A source that is gone with nothing at the destination fails as the missing key it is. A source
 * that goes between the verified copy and its delete (an earlier attempt that timed out, whose
 * requests S3 still carried out, running beside its redrive) is not deleted and the move is
 * Succeeded, saying so: the copy is verified and the source is gone, which is what a move leaves.
 */
public final class MoveAction implements ObjectAction {

  @Override
  public TaskOutcome perform(ObjectTask task, ActionContext context) throws Exception {
    return ObjectCopier.run(context, "the move", copier -> {
      Target target = copier.target(task);
      if (target.isSource(task)) {
        return TaskOutcome.permanentFailure(
            "move onto itself: the destination " + target.location() + " is the source; nothing copied or deleted");
      }
      CopyResult copy;
      try {
        copy = copier.copy(task, target);
      } catch (NoSuchKeyException missingSource) {
        return alreadyMoved(copier, task, target).orElseThrow(() -> missingSource);
      }
      verify(copier, copy);
      String moved = copy.message("moved").replaceFirst("^already copied", "moved (already copied)");
      if (!delete(copier, task, copy)) {
        return TaskOutcome.succeeded(moved + "; the source was already gone when it was to be deleted"
            + " (an earlier attempt of this task, or another client, deleted it)");
      }
      return TaskOutcome.succeeded(moved);
    });
  }

  /** Succeeded when the source is gone (NoSuchKey or NoSuchVersion, not NoSuchBucket) and the target holds an object. */
  private static Optional<TaskOutcome> alreadyMoved(ObjectCopier copier, ObjectTask task, Target target) {
    if (S3Answers.probe(copier.s3(), task) != S3Answers.Presence.ABSENT) {
      return Optional.empty();
    }
    HeadObjectResponse there = copier.headIfExists(copier.s3(), target);
    if (there == null) {
      return Optional.empty();
    }
    String source = "s3://" + task.bucket() + "/" + task.key()
        + (task.versionId() == null ? "" : "?versionId=" + task.versionId());
    return Optional.of(TaskOutcome.succeeded("already moved: the source " + source + " is gone and "
        + target.location() + " holds " + there.contentLength() + " bytes, etag " + there.eTag()));
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

  /**
   * Deletes the source once it is shown unchanged; false when it was gone already (the copy is
   * verified: an earlier attempt of this task that S3 still carried out, or another client, deleted
   * it), so nothing is deleted and the move is done.
   */
  private static boolean delete(ObjectCopier copier, ObjectTask task, CopyResult copy) {
    S3Client s3 = copier.s3();
    if (task.versionId() == null) {
      HeadObjectResponse now;
      try {
        now = copier.head(s3, task.bucket(), task.key(), null, "re-reading the source");
      } catch (NoSuchKeyException gone) {
        return false;
      }
      if (!Objects.equals(now.eTag(), copy.source().eTag())) {
        throw new OutcomeException(TaskOutcome.permanentFailure(
            "source changed after the copy (etag " + now.eTag() + ", copied " + copy.source().eTag()
                + "); source kept, copy at " + copy.target().location(), "SourceChanged"));
      }
    }
    s3.deleteObject(copier.deadline().bound(
        DeleteObjectRequest.builder().bucket(task.bucket()).key(task.key()).versionId(task.versionId()),
        "before deleting the source").build());
    return true;
  }
}
