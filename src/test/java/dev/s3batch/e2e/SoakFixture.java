package dev.s3batch.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The objects of a soak run, put straight into S3 (not through the fault proxy): {@code tasks}
 * objects in a source bucket, half under {@code copy/} and half under {@code move/}, one in
 * {@link #BIG_EVERY} of them {@link #BIG_SIZE} bytes and more (copied in parts with the soak's
 * lowered threshold), the others 1 to 4 KiB; seeded random bytes. Remembers each object's
 * SHA-256, and writes the two manifests.
 */
final class SoakFixture {

  /** One object in this many is big ({@code -Ds3batch.soak.bigEvery=N}, 200 unless set). */
  static final int BIG_EVERY = Integer.getInteger("s3batch.soak.bigEvery", 200);
  /** The size of a big object: above the soak's 8 MiB threshold, two parts of 5 MiB and more. */
  static final int BIG_SIZE = (10 << 20) + (512 << 10);

  final S3Client s3;
  final String source;
  final String destination;
  final Map<String, String> sha256 = new LinkedHashMap<>();
  final Path copyManifest;
  final Path moveManifest;
  int big;

  private SoakFixture(S3Client s3, String source, String destination, Path copyManifest, Path moveManifest) {
    this.s3 = s3;
    this.source = source;
    this.destination = destination;
    this.copyManifest = copyManifest;
    this.moveManifest = moveManifest;
  }

  /** Creates the buckets, the objects (8 uploads at a time) and the manifests under {@code dir}. */
  static SoakFixture create(S3Client s3, String source, String destination, int tasks, long seed, Path dir)
      throws Exception {
    SoakFixture f = new SoakFixture(s3, source, destination, dir.resolve("copy.csv"), dir.resolve("move.csv"));
    StringBuilder copy = new StringBuilder();
    StringBuilder move = new StringBuilder();
    SplittableRandom random = new SplittableRandom(seed);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Map<String, Future<String>> uploads = new LinkedHashMap<>();
      for (int i = 0; i < tasks; i++) {
        String key = (i % 2 == 0 ? "copy/" : "move/") + String.format("%05d", i) + ".bin";
        int size = i % BIG_EVERY == BIG_EVERY / 2 ? BIG_SIZE + i : 1024 + random.nextInt(3072);
        f.big += size >= BIG_SIZE ? 1 : 0;
        long objectSeed = random.nextLong();
        uploads.put(key, pool.submit(() -> f.put(key, size, objectSeed)));
        (i % 2 == 0 ? copy : move).append(source).append(',').append(key).append('\n');
      }
      for (Map.Entry<String, Future<String>> e : uploads.entrySet()) {
        f.sha256.put(e.getKey(), e.getValue().get());
      }
    } finally {
      pool.shutdownNow();
    }
    Files.writeString(f.copyManifest, copy, StandardCharsets.UTF_8);
    Files.writeString(f.moveManifest, move, StandardCharsets.UTF_8);
    return f;
  }

  private String put(String key, int size, long seed) {
    byte[] data = new byte[size];
    new SplittableRandom(seed).nextBytes(data);
    s3.putObject(b -> b.bucket(source).key(key), RequestBody.fromBytes(data));
    return sha256(data);
  }

  /** The SHA-256 of an object, null when there is none. */
  String sha256Of(String bucket, String key) {
    try {
      return sha256(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return null;
    }
  }

  /** The keys in {@code bucket} under {@code prefix}. */
  java.util.Set<String> keys(String bucket, String prefix) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().forEach(o -> keys.add(o.key()));
    return keys;
  }

  /** The multipart uploads open in the destination bucket. */
  java.util.List<MultipartUpload> openUploads() {
    return s3.listMultipartUploadsPaginator(b -> b.bucket(destination)).uploads().stream().toList();
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Removes both buckets' objects (big runs would fill the disk of the shared S3Mock). */
  void cleanUp() throws IOException {
    for (String bucket : new String[] {source, destination}) {
      for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()) {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
      }
      s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
          .forEach(o -> s3.deleteObject(b -> b.bucket(bucket).key(o.key())));
    }
  }
}
