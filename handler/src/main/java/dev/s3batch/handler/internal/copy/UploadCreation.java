package dev.s3batch.handler.internal.copy;

import dev.s3batch.handler.internal.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

/**
 * Creates a copy's multipart upload so that a lost answer leaves no upload open. When the answer
 * to CreateMultipartUpload is lost (S3 created the upload, the client saw a broken connection or
 * a timeout), the SDK retries and S3 creates a second upload, or, with no attempt left, the call
 * fails: either way S3 holds an upload whose id the function never learnt. It never gets a
 * {@link UploadMarker}, so no redrive can tell it from another client's upload, and it would stay
 * open (and billed) until a lifecycle rule ends it.
 *
 * <p>So the create is watched: a request-level {@link MetricPublisher} counts its attempts (the
 * sync client publishes a call's metrics on the calling thread, in a {@code finally}, before the
 * call returns or throws). Only when the create took more than one attempt, or failed otherwise
 * than by a client error (4xx) to its one attempt, are the key's uploads listed again, and an
 * upload is aborted only when all of these hold:
 * <ul>
 *   <li>its key is exactly the target key;
 *   <li>it was not open in the listing {@link OpenUploads} took just before the create, so it
 *       appeared during this create's own attempts;
 *   <li>it is not the upload the create answered with;
 *   <li>when the create answered and the listing shows that upload's initiator, it has the same
 *       initiator;
 *   <li>it holds no part at all (ListParts): no one's work is in it.
 * </ul>
 * Aborting is chosen over adopting such an upload: adopting would put this copy's parts into an
 * upload that may, in the case below, be another writer's. Each call of that clean-up is tried up
 * to {@value #TRIES} times (the function may run with one SDK attempt per request), within the
 * time the {@link Deadline} leaves, or {@link #GRACE} when it is near (a timed-out create is a
 * likely reason to clean up). The SDK's own retries of the create are kept as configured.
 *
 * <p>The risk that remains, in theory: another writer creates an upload of the very same key
 * between the listing before the create and the listing after it (well under a second, and only
 * when this create was faulted) and has not uploaded its first part yet. That upload is aborted;
 * that writer's next UploadPart fails with NoSuchUpload (it loses no data: it had none there).
 * And on real S3 an attempt whose connection broke may still be under way when the listing after
 * it is taken; an upload it creates later is not seen, and is left open as before. A clean-up
 * that fails on every try leaves the upload too, and says so in the result
 * ({@link Created#problem}).
 *
 * <p>The count is of the SDK's attempts. The JDK's HTTP client under the URL-connection client
 * sends a request without a body once more by itself when its connection closes before any
 * status line, unseen by the SDK; the create is not such a request (the SDK gives it
 * {@code Content-Length: 0}, which puts the connection in streaming mode, and the JDK never sends
 * a streamed request again), so each of its HTTP requests is an attempt counted here
 * ({@code UploadCreationTest#copy_createAnswerLostWithOneSdkAttempt_temporaryFailureNoUploadOpenAndRedriveCopies}
 * fails otherwise: the create would succeed unseen on its second request).
 *
 * <p>A request-level publisher replaces the client's publishers for this one request; the
 * function's clients have none.
 */
final class UploadCreation {

  /** How often each clean-up call is tried. */
  static final int TRIES = 4;

  /** The time the clean-up may take when the deadline is near. */
  static final Duration GRACE = Duration.ofSeconds(5);

  /**
   * The upload created, and what the clean-up did.
   *
   * @param uploadId the upload to copy into
   * @param aborted empty uploads aborted that lost answers of this create had opened
   * @param problem why the clean-up could not finish, or null
   */
  record Created(String uploadId, int aborted, String problem) {
    Created {
      Objects.requireNonNull(uploadId, "uploadId");
    }
  }

  private final S3Client s3;
  private final Deadline deadline;

  UploadCreation(S3Client s3, Deadline deadline) {
    this.s3 = s3;
    this.deadline = deadline;
  }

  /**
   * Creates the upload of {@code target}; {@code before} holds the ids of the key's uploads that
   * were open just before (never touched).
   */
  Created create(CreateMultipartUploadRequest.Builder request, Target target, Set<String> before) {
    AttemptCounter attempts = new AttemptCounter();
    deadline.bound(request, "creating the upload");
    request.overrideConfiguration(request.overrideConfiguration().toBuilder().addMetricPublisher(attempts).build());
    String uploadId;
    try {
      uploadId = s3.createMultipartUpload(request.build()).uploadId();
    } catch (RuntimeException e) {
      if (attempts.attempts() != 1 || !refused(e)) {
        try {
          sweep(target, before, null);
        } catch (RuntimeException sweepFailure) {
          e.addSuppressed(sweepFailure);
        }
      }
      throw e;
    }
    if (attempts.attempts() == 1) {
      return new Created(uploadId, 0, null);
    }
    try {
      return new Created(uploadId, sweep(target, before, uploadId), null);
    } catch (RuntimeException e) {
      return new Created(uploadId, 0, "an empty upload a lost CreateMultipartUpload answer opened may be left open"
          + " (the clean-up failed: " + e.getMessage() + ")");
    }
  }

  /** Aborts the empty uploads of the key that appeared during the create; how many. */
  private int sweep(Target target, Set<String> before, String ours) {
    Instant end = cleanUpEnd(deadline);
    List<MultipartUpload> now = tried(end, () -> OpenUploads.uploads(s3, target, b -> b.overrideConfiguration(
        o -> o.apiCallTimeout(left(end)))));
    String initiator = ours == null ? null : now.stream().filter(u -> u.uploadId().equals(ours))
        .map(UploadCreation::initiatorId).filter(Objects::nonNull).findFirst().orElse(null);
    List<String> lost = new ArrayList<>();
    for (MultipartUpload u : now) {
      if (!before.contains(u.uploadId()) && !u.uploadId().equals(ours)
          && (initiator == null || initiator.equals(initiatorId(u))) && isEmpty(target, u.uploadId(), end)) {
        lost.add(u.uploadId());
      }
    }
    for (String id : lost) {
      abort(s3, target, id, end);
    }
    return lost.size();
  }

  /** When a clean-up must end: the time the deadline leaves, or {@link #GRACE} when it is near. */
  static Instant cleanUpEnd(Deadline deadline) {
    return Instant.now().plus(deadline.near() ? GRACE : deadline.left());
  }

  /**
   * Aborts an upload, tried up to {@link #TRIES} times before {@code end}; one already gone
   * (NoSuchUpload: an earlier try's answer was lost) counts as aborted.
   */
  static void abort(S3Client s3, Target target, String uploadId, Instant end) {
    tried(end, () -> {
      try {
        return s3.abortMultipartUpload(b -> b.bucket(target.bucket()).key(target.key()).uploadId(uploadId)
            .overrideConfiguration(o -> o.apiCallTimeout(left(end))));
      } catch (NoSuchUploadException gone) {
        return null;
      }
    });
  }

  private boolean isEmpty(Target target, String uploadId, Instant end) {
    try {
      return tried(end, () -> s3.listParts(b -> b.bucket(target.bucket()).key(target.key()).uploadId(uploadId)
          .maxParts(1).overrideConfiguration(o -> o.apiCallTimeout(left(end)))).parts().isEmpty());
    } catch (NoSuchUploadException gone) {
      return false; // completed or aborted meanwhile: nothing to do
    }
  }

  /** Whether S3 answered the one attempt with a client error (4xx): it created nothing. */
  private static boolean refused(RuntimeException e) {
    return e instanceof AwsServiceException s && s.statusCode() >= 400 && s.statusCode() < 500;
  }

  private static String initiatorId(MultipartUpload u) {
    return u.initiator() == null ? null : u.initiator().id();
  }

  private static Duration left(Instant end) {
    Duration left = Duration.between(Instant.now(), end);
    return left.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : left;
  }

  /** The call's result, tried up to {@link #TRIES} times while time is left; NoSuchUpload is not retried. */
  private static <T> T tried(Instant end, Supplier<T> call) {
    RuntimeException last = null;
    for (int i = 0; i < TRIES && (i == 0 || Instant.now().isBefore(end)); i++) {
      try {
        return call.get();
      } catch (NoSuchUploadException e) {
        throw e;
      } catch (RuntimeException e) {
        if (last != null) {
          e.addSuppressed(last);
        }
        last = e;
      }
    }
    throw last;
  }

  /** Counts the attempts of the one call it is set on, from the metrics the SDK publishes at its end. */
  private static final class AttemptCounter implements MetricPublisher {
    private volatile int attempts;

    @Override
    public void publish(MetricCollection call) {
      int children = (int) call.childrenWithName("ApiCallAttempt").count();
      int retries = call.metricValues(CoreMetric.RETRY_COUNT).stream().mapToInt(r -> r + 1).max().orElse(0);
      attempts = Math.max(children, retries);
    }

    int attempts() {
      return attempts;
    }

    @Override
    public void close() {
      // nothing held
    }
  }
}
