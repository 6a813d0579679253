package dev.s3batch.tools.iam;

import java.util.Objects;

/**
 * One S3 API call as seen on the wire, reduced to what decides its IAM permissions.
 *
 * @param operation the S3 API operation name ({@code HeadObject}, {@code UploadPartCopy})
 * @param bucket the bucket the request addresses
 * @param key the object key, or null for a bucket-level call
 * @param versionId the {@code versionId} query parameter, or null
 * @param copySource the {@code x-amz-copy-source} object of a copy, or null
 * @param sendsTagging whether the request carries {@code x-amz-tagging} (tags set with the write)
 * @param sendsAcl whether the request carries {@code x-amz-acl} or an {@code x-amz-grant-*} header
 */
public record S3Call(
    String operation, String bucket, String key, String versionId, CopySource copySource, boolean sendsTagging,
    boolean sendsAcl) {

  public S3Call {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(bucket, "bucket");
  }

  /**
   * The object a copy reads ({@code x-amz-copy-source: /bucket/key?versionId=...}).
   *
   * @param bucket the source bucket
   * @param key the source key
   * @param versionId the source version, or null
   * @param copiesTags whether the copy takes the source's tags along (a CopyObject whose
   *     {@code x-amz-tagging-directive} is COPY, the default); never for UploadPartCopy
   */
  public record CopySource(String bucket, String key, String versionId, boolean copiesTags) {

    /** A source whose tags the copy does not read. */
    public CopySource(String bucket, String key, String versionId) {
      this(bucket, key, versionId, false);
    }
  }

  /** A plain call: no copy source, no tagging or ACL headers. */
  public static S3Call of(String operation, String bucket, String key, String versionId) {
    return new S3Call(operation, bucket, key, versionId, null, false, false);
  }
}
