package dev.s3batch.tools.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table from S3 API operations to the IAM actions they need, with the version-id variants,
 * after AWS's "Required permissions for Amazon S3 API operations". A call with a
 * {@code versionId} needs the version variant instead of the plain action; a copy also needs to
 * read its source, and a CopyObject that copies the source's tags (tagging directive COPY, the
 * default) to read them ({@code s3:GetObjectTagging}); a write that sets tags ({@code x-amz-tagging})
 * needs {@code s3:PutObjectTagging} and one that sets an ACL needs {@code s3:PutObjectAcl}.
 *
 * <pre>{@code
 * OperationPermissions.required(S3Call.of("HeadObject", "b", "k", "v1"))
 *   // [s3:GetObjectVersion on arn:aws:s3:::b/k]
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html">Required
 *     permissions for Amazon S3 API operations</a>
 */
public final class OperationPermissions {

  /**
   * An operation's IAM action without and with a version id, and whether it acts on the bucket.
   *
   * @param action the IAM action
   * @param versionAction the IAM action when the call names a version (the same when none differs)
   * @param bucketLevel whether the resource is the bucket rather than an object
   */
  public record Entry(String action, String versionAction, boolean bucketLevel) {}

  private static final Map<String, Entry> TABLE = Map.ofEntries(
      object("HeadObject", "s3:GetObject", "s3:GetObjectVersion"),
      object("GetObject", "s3:GetObject", "s3:GetObjectVersion"),
      object("GetObjectAttributes", "s3:GetObjectAttributes", "s3:GetObjectVersionAttributes"),
      object("GetObjectTagging", "s3:GetObjectTagging", "s3:GetObjectVersionTagging"),
      object("PutObjectTagging", "s3:PutObjectTagging", "s3:PutObjectVersionTagging"),
      object("DeleteObjectTagging", "s3:DeleteObjectTagging", "s3:DeleteObjectVersionTagging"),
      object("GetObjectAcl", "s3:GetObjectAcl", "s3:GetObjectVersionAcl"),
      object("PutObjectAcl", "s3:PutObjectAcl", "s3:PutObjectVersionAcl"),
      object("DeleteObject", "s3:DeleteObject", "s3:DeleteObjectVersion"),
      object("PutObject", "s3:PutObject", "s3:PutObject"),
      object("CopyObject", "s3:PutObject", "s3:PutObject"),
      object("CreateMultipartUpload", "s3:PutObject", "s3:PutObject"),
      object("UploadPart", "s3:PutObject", "s3:PutObject"),
      object("UploadPartCopy", "s3:PutObject", "s3:PutObject"),
      object("CompleteMultipartUpload", "s3:PutObject", "s3:PutObject"),
      object("AbortMultipartUpload", "s3:AbortMultipartUpload", "s3:AbortMultipartUpload"),
      object("ListParts", "s3:ListMultipartUploadParts", "s3:ListMultipartUploadParts"),
      object("RestoreObject", "s3:RestoreObject", "s3:RestoreObject"),
      bucket("ListMultipartUploads", "s3:ListBucketMultipartUploads"),
      bucket("ListObjectsV2", "s3:ListBucket"),
      bucket("ListObjects", "s3:ListBucket"),
      bucket("ListObjectVersions", "s3:ListBucketVersions"),
      bucket("HeadBucket", "s3:ListBucket"),
      bucket("GetBucketLocation", "s3:GetBucketLocation"),
      bucket("GetBucketVersioning", "s3:GetBucketVersioning"));

  /** Operations whose request may carry {@code x-amz-tagging} or an ACL header with the write. */
  private static final Set<String> WRITES_OBJECT = Set.of("PutObject", "CopyObject", "CreateMultipartUpload");

  private OperationPermissions() {}

  /** The entry for an S3 API operation name, empty when the table does not know it. */
  public static Optional<Entry> entry(String operation) {
    return Optional.ofNullable(TABLE.get(operation));
  }

  /** Every operation the table knows. */
  public static Set<String> operations() {
    return TABLE.keySet();
  }

  /**
   * Every permission the call needs.
   *
   * @throws IllegalArgumentException for an operation the table does not know: a new kind of call
   *     must be added here before a policy can be checked against it
   */
  public static List<Permission> required(S3Call call) {
    Entry e = entry(call.operation()).orElseThrow(() -> new IllegalArgumentException(
        "no IAM mapping for S3 operation " + call.operation() + ": add it to OperationPermissions"));
    List<Permission> needed = new ArrayList<>();
    String resource = e.bucketLevel() ? bucketArn(call.bucket()) : objectArn(call.bucket(), call.key());
    needed.add(new Permission(call.versionId() == null ? e.action() : e.versionAction(), resource));
    S3Call.CopySource source = call.copySource();
    if (source != null) {
      needed.add(new Permission(source.versionId() == null ? "s3:GetObject" : "s3:GetObjectVersion",
          objectArn(source.bucket(), source.key())));
      if (source.copiesTags()) {
        needed.add(new Permission(source.versionId() == null ? "s3:GetObjectTagging" : "s3:GetObjectVersionTagging",
            objectArn(source.bucket(), source.key())));
      }
    }
    if (WRITES_OBJECT.contains(call.operation())) {
      if (call.sendsTagging()) {
        needed.add(new Permission("s3:PutObjectTagging", resource));
      }
      if (call.sendsAcl()) {
        needed.add(new Permission("s3:PutObjectAcl", resource));
      }
    }
    return needed;
  }

  /** {@code arn:aws:s3:::bucket}. */
  public static String bucketArn(String bucket) {
    return "arn:aws:s3:::" + bucket;
  }

  /** {@code arn:aws:s3:::bucket/key}. */
  public static String objectArn(String bucket, String key) {
    return "arn:aws:s3:::" + bucket + "/" + (key == null ? "" : key);
  }

  private static Map.Entry<String, Entry> object(String operation, String action, String versionAction) {
    return Map.entry(operation, new Entry(action, versionAction, false));
  }

  private static Map.Entry<String, Entry> bucket(String operation, String action) {
    return Map.entry(operation, new Entry(action, action, true));
  }
}
