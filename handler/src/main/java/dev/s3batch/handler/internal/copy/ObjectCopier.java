package dev.s3batch.handler.internal.copy;

import dev.s3batch.handler.internal.Deadline;
import dev.s3batch.handler.internal.DestinationGuard;
import dev.s3batch.handler.internal.OutcomeException;
import dev.s3batch.handler.spi.ActionContext;
import dev.s3batch.handler.spi.ObjectTask;
import dev.s3batch.handler.spi.TaskOutcome;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The copy behind {@code copy} and {@code move}, in order: find the target and check it against
 * the {@link DestinationGuard}; read the source (HeadObject, pinned to the task's version); if the
 * target already holds the same content, copy nothing; with {@code noOverwrite}, refuse to replace
 * anything else; then copy with one CopyObject, or with a {@link MultipartCopy} above
 * {@code multipartThreshold}. Every S3 call is bounded by the {@link Deadline}.
 */
public final class ObjectCopier {

  private final ActionContext context;
  private final CopySettings settings;
  private final Deadline deadline;

  public ObjectCopier(ActionContext context) {
    this.context = context;
    this.settings = CopySettings.from(context);
    this.deadline = Deadline.of(context);
  }

  /** The S3 client. */
  public S3Client s3() {
    return context.s3();
  }

  /** The deadline the copy keeps to. */
  public Deadline deadline() {
    return deadline;
  }

  /** The target of {@code task}, checked against the guard rail. */
  public Target target(ObjectTask task) {
    Target target = Target.of(task, settings);
    DestinationGuard.check(target.bucket(), task, context);
    return target;
  }

  /** Copies the task's object to {@code target}. */
  public CopyResult copy(ObjectTask task, Target target) throws Exception {
    S3Client s3 = context.s3();
    HeadObjectResponse head = head(s3, task.bucket(), task.key(), task.versionId(), "reading the source");
    SourceObject source = new SourceObject(task.bucket(), task.key(), task.versionId(), head);
    if (!target.isSource(task)) {
      HeadObjectResponse existing = headIfExists(s3, target);
      if (existing != null && sameContent(source, existing)) {
        return new CopyResult(source, target, existing.eTag(), existing.versionId(), true, 0, 0);
      }
      if (existing != null && settings.noOverwrite()) {
        throw new OutcomeException(TaskOutcome.permanentFailure(
            "destination exists: " + target.location() + " holds other content (etag " + existing.eTag()
                + ") and noOverwrite is set", "DestinationExists"));
      }
    }
    if (source.size() > settings.multipartThreshold()) {
      return new MultipartCopy(s3, deadline, settings).copy(source, target);
    }
    CopyObjectResponse r = s3.copyObject(
        deadline.bound(UploadRequests.copyObject(source, target, settings), "before copying").build());
    return new CopyResult(source, target, r.copyObjectResult().eTag(), r.versionId(), false, 0, 0);
  }

  /**
   * Whether {@code existing} holds the source's content: the same size and the same ETag or the
   * same strong checksum ({@link SourceObject#checksums}); and the storage class asked for, if one
   * was. Metadata and tags are not compared.
   */
  public boolean sameContent(SourceObject source, HeadObjectResponse existing) {
    if (!Objects.equals(existing.contentLength(), source.size())) {
      return false;
    }
    if (settings.storageClass() != null) {
      String have = existing.storageClassAsString() == null ? "STANDARD" : existing.storageClassAsString();
      if (!have.equals(settings.storageClass().toString())) {
        return false;
      }
    }
    if (Objects.equals(existing.eTag(), source.eTag())) {
      return true;
    }
    Map<String, String> sums = SourceObject.checksums(source.head());
    for (Map.Entry<String, String> e : SourceObject.checksums(existing).entrySet()) {
      if (e.getValue().equals(sums.get(e.getKey()))) {
        return true;
      }
    }
    return false;
  }

  /** HeadObject with checksums, bounded by the deadline. */
  public HeadObjectResponse head(S3Client s3, String bucket, String key, String versionId, String doing) {
    return s3.headObject(deadline.bound(HeadObjectRequest.builder().bucket(bucket).key(key).versionId(versionId)
        .checksumMode(ChecksumMode.ENABLED), doing).build());
  }

  /** HeadObject of the target, null when nothing is there. */
  public HeadObjectResponse headIfExists(S3Client s3, Target target) {
    try {
      return head(s3, target.bucket(), target.key(), null, "checking the destination");
    } catch (AwsServiceException e) {
      if (e.statusCode() == 404) {
        return null;
      }
      throw e;
    }
  }
}
