package dev.s3batch.tools.manifest;

import java.util.Objects;

/**
 * One row of a manifest: the object a task runs on, exactly as the manifest names it.
 *
 * @param bucket the bucket name
 * @param encodedKey the key as written in the manifest, URL-encoded; S3 passes it verbatim as
 *     {@code s3Key}, so it is never decoded here
 * @param versionId the version id, or null when the manifest has none for this row
 * @param line the row's line number (from 1) in its file, for messages
 */
public record ManifestTask(String bucket, String encodedKey, String versionId, long line) {

  public ManifestTask {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(encodedKey, "encodedKey");
    if (versionId != null && versionId.isEmpty()) {
      versionId = null;
    }
  }
}
