package dev.s3batch.handler.testing;

import dev.s3batch.testkit.S3MockServer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Small helpers to read S3 state in assertions, through the shared S3Mock client. */
public final class Objects3 {

  private Objects3() {}

  /** The shared client. */
  public static S3Client s3() {
    return S3MockServer.get().client();
  }

  /** {@code n} pseudo-random bytes from {@code seed}. */
  public static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < n; i += 8) {
      long v = r.nextLong();
      for (int j = 0; j < 8 && i + j < n; j++) {
        b[i + j] = (byte) (v >>> (8 * j));
      }
    }
    return b;
  }

  /** The bytes of an object. */
  public static byte[] read(String bucket, String key) {
    return s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }

  /** The SHA-256 of some bytes, in hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The keys in a bucket. */
  public static List<String> keys(String bucket) {
    return s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
  }

  /** The open multipart uploads of a bucket. */
  public static int openUploads(String bucket) {
    return s3().listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
  }
}
