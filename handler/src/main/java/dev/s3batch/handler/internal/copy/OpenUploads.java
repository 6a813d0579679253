package dev.s3batch.handler.internal.copy;

import dev.s3batch.handler.internal.Deadline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * left alone.
 */
final class OpenUploads {

  /** A resumable upload and its data parts (number to ETag). */
  record Found(String uploadId, Map<Integer, String> parts) {}

  private final S3Client s3;
  private final Deadline deadline;

  OpenUploads(S3Client s3, Deadline deadline) {
    this.s3 = s3;
    this.deadline = deadline;
  }

  Optional<Found> find(Target target, String markerETag, PartPlan plan) {
    for (MultipartUpload upload : uploads(target)) {
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
        return Optional.of(new Found(upload.uploadId(), parts));
      }
    }
    return Optional.empty();
  }

  /** The open uploads of exactly this key, newest first. */
  private List<MultipartUpload> uploads(Target target) {
    List<MultipartUpload> found = new ArrayList<>();
    ListMultipartUploadsRequest request = deadline.bound(
        ListMultipartUploadsRequest.builder().bucket(target.bucket()).prefix(target.key()), "listing open uploads")
        .build();
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
