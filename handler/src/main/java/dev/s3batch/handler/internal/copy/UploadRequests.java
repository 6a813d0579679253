package dev.s3batch.handler.internal.copy;

import dev.s3batch.handler.internal.Deadline;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The requests that create a copy, with what it keeps from the source. CopyObject keeps metadata,
 * content headers and tags by itself (directive COPY); CreateMultipartUpload gets them
 * explicitly. Both set the storage class explicitly (the source's unless a new one is asked for),
 * since CopyObject would otherwise write STANDARD.
 */
final class UploadRequests {

  private UploadRequests() {}

  static CopyObjectRequest.Builder copyObject(SourceObject source, Target target, CopySettings s) {
    CopyObjectRequest.Builder b = CopyObjectRequest.builder()
        .sourceBucket(source.bucket()).sourceKey(source.key()).sourceVersionId(source.versionId())
        .copySourceIfMatch(source.eTag())
        .destinationBucket(target.bucket()).destinationKey(target.key())
        .storageClass(storageClass(source.head(), s))
        .metadataDirective(s.metadataDirective()).taggingDirective(s.taggingDirective())
        .serverSideEncryption(s.serverSideEncryption()).ssekmsKeyId(s.sseKmsKeyId()).acl(s.acl());
    if (s.replacesMetadata()) {
      b.metadata(s.metadata()).contentType(s.contentType());
    }
    if (s.replacesTags()) {
      b.tagging(s.tags());
    }
    if (s.noOverwrite()) {
      b.ifNoneMatch("*");
    }
    return b;
  }

  static CreateMultipartUploadRequest.Builder create(
      S3Client s3, SourceObject source, Target target, CopySettings s, Deadline deadline) {
    HeadObjectResponse h = source.head();
    CreateMultipartUploadRequest.Builder b = CreateMultipartUploadRequest.builder()
        .bucket(target.bucket()).key(target.key())
        .storageClass(storageClass(h, s))
        .serverSideEncryption(s.serverSideEncryption()).ssekmsKeyId(s.sseKmsKeyId()).acl(s.acl());
    if (s.replacesMetadata()) {
      b.metadata(s.metadata()).contentType(s.contentType());
    } else {
      b.metadata(h.metadata()).contentType(h.contentType()).contentEncoding(h.contentEncoding())
          .contentDisposition(h.contentDisposition()).contentLanguage(h.contentLanguage())
          .cacheControl(h.cacheControl()).expires(h.expires());
    }
    String tags = s.replacesTags() ? s.tags() : tags(s3, source, deadline);
    if (!tags.isEmpty()) {
      b.tagging(tags);
    }
    return b;
  }

  /** The source's tags in the {@code x-amz-tagging} form: {@code k1=v1&k2=v2}, percent-encoded. */
  private static String tags(S3Client s3, SourceObject source, Deadline deadline) {
    GetObjectTaggingRequest request = deadline.bound(GetObjectTaggingRequest.builder()
        .bucket(source.bucket()).key(source.key()).versionId(source.versionId()), "reading tags").build();
    return s3.getObjectTagging(request).tagSet().stream()
        .map(t -> encode(t.key()) + "=" + encode(t.value()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String storageClass(HeadObjectResponse source, CopySettings s) {
    if (s.storageClass() != null) {
      return s.storageClass().toString();
    }
    return source.storageClassAsString() == null ? StorageClass.STANDARD.toString() : source.storageClassAsString();
  }
}
