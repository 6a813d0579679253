package dev.s3batch.tools.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An uploaded manifest as CreateJob's {@code Manifest} names it (S3 Control API types
 * {@code JobManifest}, {@code JobManifestSpec}, {@code JobManifestLocation}): the format and
 * fields, the object ARN, the bare ETag (no quotes) and, in a versioned bucket, the version id.
 *
 * <pre>{@code
 * uploaded.toCreateJobJson();
 * // {"Spec":{"Format":"S3BatchOperations_CSV_20180820","Fields":["Bucket","Key"]},
 * //  "Location":{"ObjectArn":"arn:aws:s3:::bucket/manifest.csv","ETag":"60e460c9d1046e73f7dde5043ac3ae85"}}
 * }</pre>
 *
 * @param objectArn {@code arn:PARTITION:s3:::bucket/key}
 * @param etag the ETag without quotes
 * @param objectVersionId the version id, or null for an unversioned bucket
 * @param versioned whether the rows carry version ids (Fields end with {@code VersionId})
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_JobManifest.html">JobManifest</a>
 */
public record UploadedManifest(String objectArn, String etag, String objectVersionId, boolean versioned) {

  /** The manifest format this tool writes. */
  public static final String FORMAT = "S3BatchOperations_CSV_20180820";

  private static final ObjectMapper JSON = new ObjectMapper();

  public UploadedManifest {
    if (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
      etag = etag.substring(1, etag.length() - 1);
    }
  }

  /** The CSV columns: {@code Bucket, Key} or {@code Bucket, Key, VersionId}. */
  public List<String> fields() {
    return versioned ? List.of("Bucket", "Key", "VersionId") : List.of("Bucket", "Key");
  }

  /** The JSON that {@code aws s3control create-job --manifest} takes, on one line. */
  public String toCreateJobJson() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode spec = root.putObject("Spec");
    spec.put("Format", FORMAT);
    fields().forEach(spec.putArray("Fields")::add);
    ObjectNode location = root.putObject("Location");
    location.put("ObjectArn", objectArn);
    location.put("ETag", etag);
    if (objectVersionId != null) {
      location.put("ObjectVersionId", objectVersionId);
    }
    return root.toString();
  }
}
