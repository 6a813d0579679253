package dev.s3batch.handler.internal.copy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The object a copy reads, as HeadObject saw it: the copy pins this ETag
 * ({@code x-amz-copy-source-if-match}), and the version when the task names one, so every part
 * comes from the same content even if the key is overwritten meanwhile.
 *
 * @param bucket the bucket
 * @param key the key
 * @param versionId the task's version id, or null when it names none
 * @param head the HeadObject answer (metadata, content headers, storage class, checksums)
 */
public record SourceObject(String bucket, String key, String versionId, HeadObjectResponse head) {

  public SourceObject {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(head, "head");
    if ("null".equals(versionId)) {
      versionId = null;
    }
  }

  /** The size in bytes. */
  public long size() {
    return head.contentLength();
  }

  /** The ETag, quoted as S3 sends it. */
  public String eTag() {
    return head.eTag();
  }

  /** {@code s3://bucket/key}, with {@code ?versionId=} when pinned to a version; for messages. */
  public String location() {
    return "s3://" + bucket + "/" + key + (versionId == null ? "" : "?versionId=" + versionId);
  }

  /**
   * The checksums S3 reported that are strong enough to take two objects of the same size for the
   * same content, by algorithm: CRC64NVME, SHA-1, SHA-256. Not CRC32 or CRC32C: with 32 bits,
   * a job of a billion objects would meet a false match, and a {@code move} would then delete a
   * source that was never copied.
   */
  public static Map<String, String> checksums(HeadObjectResponse h) {
    Map<String, String> sums = new LinkedHashMap<>();
    put(sums, "CRC64NVME", h.checksumCRC64NVME());
    put(sums, "SHA1", h.checksumSHA1());
    put(sums, "SHA256", h.checksumSHA256());
    return sums;
  }

  private static void put(Map<String, String> sums, String algorithm, String value) {
    if (value != null && !value.isEmpty()) {
      sums.put(algorithm, value);
    }
  }
}
