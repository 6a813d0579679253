package dev.s3batch.handler.action;

import dev.s3batch.handler.spi.ObjectTask;
import java.util.Set;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What S3's error answers say beyond their status. S3 answers HEAD and GET on a delete marker
 * with {@code x-amz-delete-marker: true}: AWS with 405 when a version id names the marker, 404
 * otherwise; S3Mock always with 404. So the header decides, never the status. A HEAD answer has
 * no body, so its 404 cannot tell a missing key from a missing bucket: {@link #probe} asks again
 * with GET, whose error body names the cause.
 */
final class S3Answers {

  /** What is at a task's location. */
  enum Presence {
    /** An object (or the named version of one). */
    OBJECT,
    /** A delete marker (the key's latest version, or the named version). */
    DELETE_MARKER,
    /** Nothing: NoSuchKey or NoSuchVersion. */
    ABSENT
  }

  private static final Set<String> ABSENT_CODES = Set.of("NoSuchKey", "NoSuchVersion");

  private S3Answers() {}

  /** Whether the answer carries {@code x-amz-delete-marker: true}. */
  static boolean isDeleteMarker(S3Exception e) {
    return e.awsErrorDetails() != null
        && e.awsErrorDetails().sdkHttpResponse() != null
        && e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker")
            .map("true"::equalsIgnoreCase)
            .orElse(false);
  }

  /**
   * What is at the task's location (key, or version when the task names one), with HeadObject
   * and, only after a bare 404, a GetObject whose error code tells NoSuchKey from NoSuchBucket.
   *
   * @throws S3Exception any other answer (403, NoSuchBucket, throttling, ...)
   */
  static Presence probe(S3Client s3, ObjectTask task) {
    try {
      s3.headObject(b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()));
      return Presence.OBJECT;
    } catch (S3Exception e) {
      if (isDeleteMarker(e)) {
        return Presence.DELETE_MARKER;
      }
      if (e.statusCode() != 404) {
        throw e;
      }
    }
    try (ResponseInputStream<GetObjectResponse> in =
        s3.getObject(b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()))) {
      in.abort();
      return Presence.OBJECT;
    } catch (S3Exception e) {
      if (isDeleteMarker(e)) {
        return Presence.DELETE_MARKER;
      }
      if (e.awsErrorDetails() != null && ABSENT_CODES.contains(e.awsErrorDetails().errorCode())) {
        return Presence.ABSENT;
      }
      throw e;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
