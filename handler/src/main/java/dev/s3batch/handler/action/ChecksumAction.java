package dev.s3batch.handler.action;

import dev.s3batch.handler.spi.ActionContext;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.ObjectTask;
import dev.s3batch.handler.spi.TaskOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32C;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * {@code checksum}: streams the object (or the task's version) through SHA-256 and CRC32C, in
 * 64 KiB pieces, never holding it in memory, and reports
 * {@code sha256=<hex> crc32c=<base64> size=<bytes> s3://bucket/key}; CRC32C is written as S3's
 * {@code x-amz-checksum-crc32c} header writes it (base64 of the 4 big-endian bytes).
 *
 * <p>A JSON key may carry the expected digest: {@code {"key": "a.bin", "sha256": "<64 hex>"}}
 * and/or {@code "crc32c": "<base64>"}. A mismatch is a PermanentFailure naming both values; a
 * malformed expected value too.
 *
 * <p>IAM: {@code s3:GetObject} ({@code s3:GetObjectVersion} for versioned tasks).
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html">Checking
 *     object integrity in Amazon S3</a>
 */
public final class ChecksumAction implements ObjectAction {

  private static final int BUFFER = 64 * 1024;

  @Override
  public TaskOutcome perform(ObjectTask task, ActionContext context) throws IOException {
    Optional<String> expectedSha = task.parameter("sha256").map(s -> s.strip().toLowerCase(Locale.ROOT));
    Optional<String> expectedCrc = task.parameter("crc32c").map(String::strip);
    expectedSha.filter(s -> !s.matches("[0-9a-f]{64}")).ifPresent(s -> {
      throw new IllegalArgumentException("expected sha256 \"" + s + "\" in the key of task " + task.taskId()
          + " is not 64 hex digits");
    });
    expectedCrc.filter(s -> !isCrc32cBase64(s)).ifPresent(s -> {
      throw new IllegalArgumentException("expected crc32c \"" + s + "\" in the key of task " + task.taskId()
          + " is not the base64 of 4 bytes (as in x-amz-checksum-crc32c)");
    });
    MessageDigest sha = sha256();
    CRC32C crc = new CRC32C();
    long size = 0;
    try (ResponseInputStream<GetObjectResponse> in =
        context.s3().getObject(b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()))) {
      size = digest(in, sha, crc);
    }
    String shaHex = HexFormat.of().formatHex(sha.digest());
    String crcBase64 = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    String digests = "sha256=" + shaHex + " crc32c=" + crcBase64 + " size=" + size + " " + task.location();
    if (expectedSha.isPresent() && !expectedSha.get().equals(shaHex)) {
      return TaskOutcome.permanentFailure(
          "checksum mismatch: sha256 expected " + expectedSha.get() + ", got " + digests, "ChecksumMismatch");
    }
    if (expectedCrc.isPresent() && !expectedCrc.get().equals(crcBase64)) {
      return TaskOutcome.permanentFailure(
          "checksum mismatch: crc32c expected " + expectedCrc.get() + ", got " + digests, "ChecksumMismatch");
    }
    boolean verified = expectedSha.isPresent() || expectedCrc.isPresent();
    return TaskOutcome.succeeded((verified ? "verified " : "") + digests);
  }

  private static long digest(InputStream in, MessageDigest sha, CRC32C crc) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long size = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      sha.update(buffer, 0, n);
      crc.update(buffer, 0, n);
      size += n;
    }
    return size;
  }

  private static boolean isCrc32cBase64(String s) {
    try {
      return Base64.getDecoder().decode(s).length == 4;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
