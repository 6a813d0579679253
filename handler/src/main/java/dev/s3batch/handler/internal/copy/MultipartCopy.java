package dev.s3batch.handler.internal.copy;

import dev.s3batch.handler.internal.Deadline;
import dev.s3batch.handler.internal.FailureClassifier;
import dev.s3batch.handler.internal.OutcomeException;
import dev.s3batch.handler.response.ResultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Copies one object with UploadPartCopy, parts in parallel, resumable across invocations: it
 * continues an open upload whose {@link UploadMarker} matches (see {@link OpenUploads}), copies
 * only the parts still missing, and when the deadline nears stops starting parts, lets the running
 * ones finish (each bounded by the time left), and answers "deadline near" with the upload left
 * open for the redrive. A permanent failure aborts the upload, so nothing is left behind.
 * Metadata and content headers are set on the new upload, and tags on the completed object,
 * explicitly (see {@link UploadRequests}), since a multipart copy does not carry them over.
 * The upload is created by {@link UploadCreation}, which aborts the empty upload a lost
 * CreateMultipartUpload answer leaves (one this copy could never mark, so no redrive would).
 */
public final class MultipartCopy {

  private final S3Client s3;
  private final Deadline deadline;
  private final CopySettings settings;

  public MultipartCopy(S3Client s3, Deadline deadline, CopySettings settings) {
    this.s3 = s3;
    this.deadline = deadline;
    this.settings = settings;
  }

  /** Copies {@code source} to {@code target}, resuming an earlier upload of the same copy. */
  public CopyResult copy(SourceObject source, Target target) throws Exception {
    PartPlan plan = PartPlan.of(source.size(), settings.partSize());
    List<Tag> tags = UploadRequests.tags(s3, source, settings, deadline);
    byte[] marker = UploadMarker.content(source, plan, settings);
    OpenUploads.Listing open = new OpenUploads(s3, deadline).find(target, UploadMarker.eTag(marker), plan);
    OpenUploads.Found found = open.found().orElse(null);
    String uploadId;
    UploadCreation.Created created = null;
    Map<Integer, String> done = new ConcurrentSkipListMap<>();
    if (found == null) {
      created = new UploadCreation(s3, deadline)
          .create(UploadRequests.create(source, target, settings), target, open.uploadIds());
      uploadId = created.uploadId();
    } else {
      uploadId = found.uploadId();
      done.putAll(found.parts());
    }
    int resumed = done.size();
    boolean marked = found != null;
    try {
      if (!marked) {
        s3.uploadPart(deadline.bound(UploadPartRequest.builder().bucket(target.bucket()).key(target.key())
            .uploadId(uploadId).partNumber(UploadMarker.PART), "marking the upload").build(),
            RequestBody.fromBytes(marker));
        marked = true;
      }
      copyParts(source, target, plan, uploadId, done);
      CompleteMultipartUploadResponse r = complete(target, uploadId, plan, done);
      if (!tags.isEmpty()) {
        s3.putObjectTagging(deadline.bound(PutObjectTaggingRequest.builder().bucket(target.bucket())
            .key(target.key()).tagging(t -> t.tagSet(tags)), "before tagging the copy")
            .build());
      }
      return new CopyResult(source, target, r.eTag(), r.versionId(), false, done.size() - resumed, resumed,
          created == null ? 0 : created.aborted(), created == null ? null : created.problem());
    } catch (Exception e) {
      throw settle(e, target, uploadId, marked);
    }
  }

  private void copyParts(SourceObject source, Target target, PartPlan plan, String uploadId, Map<Integer, String> done)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(settings.copyConcurrency(), r -> {
      Thread t = new Thread(r, "s3batch-copy-part");
      t.setDaemon(true);
      return t;
    });
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int n = 1; n <= plan.count(); n++) {
        if (!done.containsKey(n)) {
          int part = n;
          futures.add(pool.submit(() -> {
            if (!stop.get()) {
              try {
                done.put(part, copyPart(source, target, plan, uploadId, part));
              } catch (RuntimeException e) {
                stop.set(true);
                throw e;
              }
            }
            return null;
          }));
        }
      }
      Exception first = null;
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          Exception cause = e.getCause() instanceof Exception x ? x : new RuntimeException(e.getCause());
          first = worse(first, cause);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private String copyPart(SourceObject source, Target target, PartPlan plan, String uploadId, int part) {
    UploadPartCopyRequest.Builder b = UploadPartCopyRequest.builder()
        .sourceBucket(source.bucket()).sourceKey(source.key()).sourceVersionId(source.versionId())
        .copySourceIfMatch(source.eTag()).copySourceRange(plan.range(part))
        .destinationBucket(target.bucket()).destinationKey(target.key()).uploadId(uploadId).partNumber(part);
    return s3.uploadPartCopy(deadline.bound(b, "the multipart copy at part " + part + " of " + plan.count()).build())
        .copyPartResult().eTag();
  }

  private CompleteMultipartUploadResponse complete(Target target, String uploadId, PartPlan plan, Map<Integer, String> done) {
    List<CompletedPart> parts = new ArrayList<>();
    List<String> eTags = new ArrayList<>();
    for (Map.Entry<Integer, String> e : new TreeMap<>(done).entrySet()) {
      parts.add(CompletedPart.builder().partNumber(e.getKey()).eTag(e.getValue()).build());
      eTags.add(e.getValue());
    }
    CompleteMultipartUploadRequest.Builder b = CompleteMultipartUploadRequest.builder()
        .bucket(target.bucket()).key(target.key()).uploadId(uploadId).multipartUpload(m -> m.parts(parts));
    if (settings.noOverwrite()) {
      b.ifNoneMatch("*");
    }
    CompleteMultipartUploadResponse r =
        s3.completeMultipartUpload(deadline.bound(b, "before completing the multipart copy").build());
    String expected = UploadMarker.compositeETag(eTags);
    if (!expected.equals(r.eTag())) {
      throw new IllegalStateException("the completed copy has ETag " + r.eTag() + ", not " + expected
          + " as its " + plan.count() + " parts make");
    }
    return r;
  }

  /**
   * The failure to throw: deadline near, or the original one. Aborts the upload when the failure
   * is permanent, or when the upload has no marker yet (no redrive could find it again); the
   * abort is tried up to {@link UploadCreation#TRIES} times, since an unmarked upload whose abort
   * failed would be left open for good.
   */
  private Exception settle(Exception e, Target target, String uploadId, boolean marked) {
    Exception result = e instanceof ApiCallTimeoutException && deadline.near()
        ? deadline.nearException("the multipart copy") : e;
    ResultCode code = result instanceof OutcomeException o ? o.outcome().resultCode()
        : new FailureClassifier().classify(result).resultCode();
    if (code == ResultCode.PermanentFailure || !marked) {
      try {
        UploadCreation.abort(s3, target, uploadId, UploadCreation.cleanUpEnd(deadline));
      } catch (RuntimeException abortFailure) {
        result.addSuppressed(abortFailure);
      }
    }
    return result;
  }

  /** Of two failures, the one to report: a real error over "deadline near". */
  private static Exception worse(Exception first, Exception next) {
    if (first == null) {
      return next;
    }
    boolean firstIsDeadline = first instanceof OutcomeException || first instanceof ApiCallTimeoutException;
    boolean nextIsDeadline = next instanceof OutcomeException || next instanceof ApiCallTimeoutException;
    return firstIsDeadline && !nextIsDeadline ? next : first;
  }
}
