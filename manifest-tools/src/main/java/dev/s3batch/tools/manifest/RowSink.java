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

  /**
   * One row without a version id, its key given as UTF-8 bytes that the caller has checked are
   * UTF-8 ({@link KeyListSource} does). A sink that can encode bytes overrides this to skip the
   * {@code String}; by default the key is decoded and passed to {@link #row}.
   *
   * @param key holds the key's bytes at {@code [off, off + len)}, only for the time of the call
   */
  default void rowUtf8(String bucket, byte[] key, int off, int len) {
    row(bucket, new String(key, off, len, java.nio.charset.StandardCharsets.UTF_8), null);
  }
}
