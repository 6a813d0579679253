package dev.s3batch.tools.manifest;

/**
 * Takes manifest rows one at a time, as a {@link KeySource} produces them. Keys are raw (not
 * URL-encoded); the sink encodes them. A sink rejects a row it cannot write by throwing a
 * {@link ManifestException} whose message does not name the position: the source adds it.
 */
@FunctionalInterface
public interface RowSink {

  /**
   * One row.
   *
   * @param bucket the bucket name
   * @param key the raw object key
   * @param versionId the version id, or null for a row without one
   */
  void row(String bucket, String key, String versionId);
}
