package dev.s3batch.handler.internal.copy;

import dev.s3batch.handler.internal.Deadline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * Finds the open multipart upload an earlier invocation left for the same copy: an upload of the
 * target key (ListMultipartUploads) whose marker part has the expected ETag (ListParts). Of its
 * parts, those whose number and size fit the plan count as copied. Uploads of the key that carry
 * another marker, or none, belong to someone else (or to a source that has since changed) and are
 * left alone. The ids of every upload of the key it listed are kept ({@link Listing#uploadIds}):
 * they are the "open before" set that {@link UploadCreation} must never touch.
 */
final class OpenUploads {

  /** A resumable upload and its data parts (number to ETag). */
  record Found(String uploadId, Map<Integer, String> parts) {}

  /**
   * What one look at the key's open uploads found.
   *
   * @param uploadIds the id of every open upload of the key, resumable or not
   * @param resumable the upload to resume, or null
   */
  record Listing(Set<String> uploadIds, Found resumable) {
    Listing {
      uploadIds = Set.copyOf(uploadIds);
    }

    Optional<Found> found() {
      return Optional.ofNullable(resumable);
    }
  }

  private final S3Client s3;
  private final Deadline deadline;

  OpenUploads(S3Client s3, Deadline deadline) {
    this.s3 = s3;
    this.deadline = deadline;
  }

  Listing find(Target target, String markerETag, PartPlan plan) {
    List<MultipartUpload> uploads = uploads(s3, target, b -> deadline.bound(b, "listing open uploads"));
    Set<String> ids = new HashSet<>();
    uploads.forEach(u -> ids.add(u.uploadId()));
    for (MultipartUpload upload : uploads) {
      Map<Integer, String> parts = new TreeMap<>();
      boolean marked = false;
      for (Part p : parts(target, upload.uploadId())) {
        if (p.partNumber() == UploadMarker.PART) {
          marked = markerETag.equals(p.eTag());
        } else if (p.partNumber() <= plan.count() && p.size() == plan.length(p.partNumber())) {
          parts.put(p.partNumber(), p.eTag());
        }
      }
      if (marked) {
        return new Listing(ids, new Found(upload.uploadId(), parts));
      }
    }
    return new Listing(ids, null);
  }

  /** The open uploads of exactly this key, newest first; {@code bound} sets the request's time limit. */
  static List<MultipartUpload> uploads(S3Client s3, Target target,
      UnaryOperator<ListMultipartUploadsRequest.Builder> bound) {
    List<MultipartUpload> found = new ArrayList<>();
    ListMultipartUploadsRequest request =
        bound.apply(ListMultipartUploadsRequest.builder().bucket(target.bucket()).prefix(target.key())).build();
    for (MultipartUpload u : s3.listMultipartUploadsPaginator(request).uploads()) {
      if (target.key().equals(u.key())) {
        found.add(u);
      }
    }
    found.sort(Comparator.comparing(MultipartUpload::initiated, Comparator.nullsLast(Comparator.reverseOrder())));
    return found;
  }

  private Iterable<Part> parts(Target target, String uploadId) {
    ListPartsRequest request = deadline.bound(
        ListPartsRequest.builder().bucket(target.bucket()).key(target.key()).uploadId(uploadId), "listing parts")
        .build();
    return s3.listPartsPaginator(request).parts();
  }
}
