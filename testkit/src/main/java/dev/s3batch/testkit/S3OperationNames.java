package dev.s3batch.testkit;

import java.util.Map;

/**
 * Names the S3 API operation of a path-style REST request from its method, path and query,
 * as the S3 API reference lays the operations out. Unknown shapes are named
 * {@code Unknown:METHOD}, so a test can fail on them.
 */
public final class S3OperationNames {

  private S3OperationNames() {}

  /**
   * The operation name.
   *
   * @param method the HTTP method
   * @param bucketLevel whether the path names a bucket (false for {@code /})
   * @param hasKey whether the path names an object (beyond {@code /bucket})
   * @param query the query parameters
   * @param copySource whether the request carries {@code x-amz-copy-source}
   */
  public static String name(String method, boolean bucketLevel, boolean hasKey, Map<String, String> query,
      boolean copySource) {
    if (!bucketLevel) {
      return "GET".equals(method) ? "ListBuckets" : "Unknown:" + method;
    }
    return hasKey ? object(method, query, copySource) : bucket(method, query);
  }

  private static String object(String method, Map<String, String> q, boolean copySource) {
    switch (method) {
      case "HEAD":
        return "HeadObject";
      case "GET":
        if (q.containsKey("tagging")) return "GetObjectTagging";
        if (q.containsKey("acl")) return "GetObjectAcl";
        if (q.containsKey("attributes")) return "GetObjectAttributes";
        if (q.containsKey("uploadId")) return "ListParts";
        return "GetObject";
      case "PUT":
        if (q.containsKey("tagging")) return "PutObjectTagging";
        if (q.containsKey("acl")) return "PutObjectAcl";
        if (q.containsKey("partNumber") && q.containsKey("uploadId")) {
          return copySource ? "UploadPartCopy" : "UploadPart";
        }
        return copySource ? "CopyObject" : "PutObject";
      case "POST":
        if (q.containsKey("uploads")) return "CreateMultipartUpload";
        if (q.containsKey("uploadId")) return "CompleteMultipartUpload";
        if (q.containsKey("restore")) return "RestoreObject";
        return "Unknown:POST";
      case "DELETE":
        if (q.containsKey("tagging")) return "DeleteObjectTagging";
        if (q.containsKey("uploadId")) return "AbortMultipartUpload";
        return "DeleteObject";
      default:
        return "Unknown:" + method;
    }
  }

  private static String bucket(String method, Map<String, String> q) {
    switch (method) {
      case "HEAD":
        return "HeadBucket";
      case "GET":
        if (q.containsKey("versions")) return "ListObjectVersions";
        if (q.containsKey("uploads")) return "ListMultipartUploads";
        if (q.containsKey("versioning")) return "GetBucketVersioning";
        if (q.containsKey("location")) return "GetBucketLocation";
        if ("2".equals(q.get("list-type"))) return "ListObjectsV2";
        return "ListObjects";
      case "PUT":
        if (q.containsKey("versioning")) return "PutBucketVersioning";
        return "CreateBucket";
      case "POST":
        return q.containsKey("delete") ? "DeleteObjects" : "Unknown:POST";
      case "DELETE":
        return "DeleteBucket";
      default:
        return "Unknown:" + method;
    }
  }
}
