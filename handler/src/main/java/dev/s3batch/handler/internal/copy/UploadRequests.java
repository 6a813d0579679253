package dev.s3batch.handler.internal.copy;

import dev.s3batch.handler.internal.Deadline;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The requests that create a copy, with what it keeps from the source. CopyObject keeps metadata,
 * content headers and tags by itself (directive COPY); CreateMultipartUpload gets metadata and
 * content headers explicitly, and the tags are set once the copy is complete (see {@link #tags}).
 * Both set the storage class explicitly (the source's unless a new one is asked for), since
 * CopyObject would otherwise write STANDARD.
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

  static CreateMultipartUploadRequest.Builder create(SourceObject source, Target target, CopySettings s) {
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
    return b;
  }

  /**
   * The tags a multipart copy sets (with PutObjectTagging once it is complete, which needs no
   * header encoding): the source's, or the {@code tags} setting's with REPLACE.
   */
  static List<Tag> tags(S3Client s3, SourceObject source, CopySettings s, Deadline deadline) {
    if (s.replacesTags()) {
      List<Tag> tags = new ArrayList<>();
      for (String pair : s.tags().split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          String k = eq < 0 ? pair : pair.substring(0, eq);
          String v = eq < 0 ? "" : pair.substring(eq + 1);
          tags.add(Tag.builder().key(decode(k)).value(decode(v)).build());
        }
      }
      return tags;
    }
    GetObjectTaggingRequest request = deadline.bound(GetObjectTaggingRequest.builder()
        .bucket(source.bucket()).key(source.key()).versionId(source.versionId()), "reading tags").build();
    return s3.getObjectTagging(request).tagSet();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String storageClass(HeadObjectResponse source, CopySettings s) {
    if (s.storageClass() != null) {
      return s.storageClass().toString();
    }
    return source.storageClassAsString() == null ? StorageClass.STANDARD.toString() : source.storageClassAsString();
  }
}
