package dev.s3batch.testkit;

/**
 * Names the S3 API operation of a path-style request from its method, path, query and headers,
 * as the S3 API reference defines them ({@code PUT /b/k?tagging} is PutObjectTagging,
 * {@code PUT /b/k?partNumber=1&uploadId=u} with {@code x-amz-copy-source} is UploadPartCopy).
 * Requests it does not know are named {@code METHOD:bucket|object?query}.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html">S3
 *     API operations</a>
 */
final class S3Operations {

  private S3Operations() {}

  static String of(RecordedRequest r) {
    if (r.bucket().isEmpty()) {
      return r.method().equals("GET") ? "ListBuckets" : unknown(r, "service");
    }
    return r.key().isEmpty() ? bucket(r) : object(r);
  }

  private static String bucket(RecordedRequest r) {
    String sub = subresource(r, "versioning", "tagging", "policy", "acl", "lifecycle", "cors", "encryption",
        "location", "versions", "uploads", "delete", "object-lock", "notification", "replication", "website");
    return switch (r.method()) {
      case "HEAD" -> "HeadBucket";
      case "GET" -> switch (sub) {
        case "versions" -> "ListObjectVersions";
        case "uploads" -> "ListMultipartUploads";
        case "location" -> "GetBucketLocation";
        case "object-lock" -> "GetObjectLockConfiguration";
        case "lifecycle" -> "GetBucketLifecycleConfiguration";
        case "" -> r.queryParameter("list-type").filter("2"::equals).isPresent() ? "ListObjectsV2" : "ListObjects";
        default -> "GetBucket" + pascal(sub);
      };
      case "PUT" -> switch (sub) {
        case "" -> "CreateBucket";
        case "object-lock" -> "PutObjectLockConfiguration";
        case "lifecycle" -> "PutBucketLifecycleConfiguration";
        default -> "PutBucket" + pascal(sub);
      };
      case "DELETE" -> sub.isEmpty() ? "DeleteBucket" : "DeleteBucket" + pascal(sub);
      case "POST" -> sub.equals("delete") ? "DeleteObjects" : unknown(r, "bucket");
      default -> unknown(r, "bucket");
    };
  }

  private static String object(RecordedRequest r) {
    boolean copy = r.header("x-amz-copy-source").isPresent();
    String sub = subresource(r, "tagging", "acl", "retention", "legal-hold", "attributes", "restore", "select",
        "uploads", "uploadId", "torrent");
    return switch (r.method()) {
      case "HEAD" -> "HeadObject";
      case "GET" -> switch (sub) {
        case "" -> "GetObject";
        case "uploadId" -> "ListParts";
        case "legal-hold" -> "GetObjectLegalHold";
        default -> "GetObject" + pascal(sub);
      };
      case "PUT" -> switch (sub) {
        case "" -> copy ? "CopyObject" : "PutObject";
        case "uploadId" -> copy ? "UploadPartCopy" : "UploadPart";
        case "legal-hold" -> "PutObjectLegalHold";
        default -> "PutObject" + pascal(sub);
      };
      case "DELETE" -> switch (sub) {
        case "" -> "DeleteObject";
        case "uploadId" -> "AbortMultipartUpload";
        default -> "DeleteObject" + pascal(sub);
      };
      case "POST" -> switch (sub) {
        case "uploads" -> "CreateMultipartUpload";
        case "uploadId" -> "CompleteMultipartUpload";
        case "restore" -> "RestoreObject";
        case "select" -> "SelectObjectContent";
        default -> unknown(r, "object");
      };
      default -> unknown(r, "object");
    };
  }

  /** The first of the given subresources the query names, or {@code ""}. */
  private static String subresource(RecordedRequest r, String... names) {
    for (String n : names) {
      if (r.hasQueryParameter(n)) {
        return n;
      }
    }
    return "";
  }

  private static String pascal(String sub) {
    StringBuilder sb = new StringBuilder();
    for (String part : sub.split("-")) {
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.toString();
  }

  private static String unknown(RecordedRequest r, String level) {
    return r.method() + ":" + level + (r.query().isEmpty() ? "" : "?" + r.query());
  }
}
