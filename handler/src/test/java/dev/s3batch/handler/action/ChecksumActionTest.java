package dev.s3batch.handler.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.response.TaskResult;
import dev.s3batch.handler.testing.Invoke;
import dev.s3batch.testkit.S3MockServer;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

class ChecksumActionTest {

  private final S3Client s3 = S3MockServer.get().client();

  @Test
  void checksum_knownText_reportsPublishedDigests() {
    String bucket = S3MockServer.get().newBucket("checksum");
    s3.putObject(b -> b.bucket(bucket).key("abc.txt"), RequestBody.fromString("abc"));

    TaskResult r = Invoke.action("checksum").on(bucket, "abc.txt").run(s3).only();

    // SHA-256("abc") from FIPS 180-2; CRC-32C("abc") = 0x364b3fb7.
    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).isEqualTo(
        "sha256=ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad crc32c=Nks/tw== size=3 s3://"
            + bucket + "/abc.txt");
  }

  @Test
  void checksum_multiMegabyteObject_matchesS3sOwnCrc32c() throws Exception {
    String bucket = S3MockServer.get().newBucket("checksum");
    byte[] data = new byte[9 * 1024 * 1024 + 17];
    new SplittableRandom(42).nextBytes(data);
    String s3Crc = s3.putObject(b -> b.bucket(bucket).key("big.bin").checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
        RequestBody.fromBytes(data)).checksumCRC32C();

    TaskResult r = Invoke.action("checksum").on(bucket, "big.bin").run(s3).only();

    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    assertThat(r.resultString()).isEqualTo(
        "sha256=" + sha + " crc32c=" + crc32c(data) + " size=" + data.length + " s3://" + bucket + "/big.bin");
    assertThat(crc32c(data)).isEqualTo(s3Crc);
  }

  @Test
  void checksum_expectedDigestsMatch_succeedsVerified() {
    String bucket = S3MockServer.get().newBucket("checksum");
    s3.putObject(b -> b.bucket(bucket).key("abc.txt"), RequestBody.fromString("abc"));
    String key = "{\"key\":\"abc.txt\",\"sha256\":\"BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD\","
        + "\"crc32c\":\"Nks/tw==\"}";

    TaskResult r = Invoke.action("checksum").on(bucket, key).run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).startsWith("verified sha256=ba7816bf");
  }

  @Test
  void checksum_sha256Mismatch_failsPermanentlyNamingBoth() {
    String bucket = S3MockServer.get().newBucket("checksum");
    s3.putObject(b -> b.bucket(bucket).key("abc.txt"), RequestBody.fromString("abd"));
    String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    TaskResult r = Invoke.action("checksum").on(bucket, "{\"key\":\"abc.txt\",\"sha256\":\"" + expected + "\"}")
        .run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).startsWith("checksum mismatch: sha256 expected " + expected + ", got sha256=")
        .doesNotContain("got sha256=" + expected);
  }

  @Test
  void checksum_crc32cMismatch_failsPermanently() {
    String bucket = S3MockServer.get().newBucket("checksum");
    s3.putObject(b -> b.bucket(bucket).key("abc.txt"), RequestBody.fromString("abd"));

    TaskResult r = Invoke.action("checksum").on(bucket, "{\"key\":\"abc.txt\",\"crc32c\":\"Nks/tw==\"}").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).startsWith("checksum mismatch: crc32c expected Nks/tw==, got ");
  }

  @Test
  void checksum_malformedExpectedDigest_failsPermanentlyNamingIt() {
    String bucket = S3MockServer.get().newBucket("checksum");
    s3.putObject(b -> b.bucket(bucket).key("abc.txt"), RequestBody.fromString("abc"));

    TaskResult r = Invoke.action("checksum").on(bucket, "{\"key\":\"abc.txt\",\"sha256\":\"xyz\"}").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).isEqualTo("expected sha256 \"xyz\" in the key of task task-1 is not 64 hex digits");
  }

  @Test
  void checksum_versionedTask_digestsThatVersion() {
    String bucket = S3MockServer.get().newVersionedBucket("checksum");
    String v1 = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("abc")).versionId();
    s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("something else"));

    TaskResult r = Invoke.action("checksum").onVersion(bucket, "k", v1).run(s3).only();

    assertThat(r.resultString()).startsWith("sha256=ba7816bf").contains("size=3 ").endsWith("?versionId=" + v1);
  }

  private static String crc32c(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
