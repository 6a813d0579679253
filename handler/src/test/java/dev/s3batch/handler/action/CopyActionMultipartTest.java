package dev.s3batch.handler.action;

import static dev.s3batch.handler.testing.Objects3.bytes;
import static dev.s3batch.handler.testing.Objects3.openUploads;
import static dev.s3batch.handler.testing.Objects3.read;
import static dev.s3batch.handler.testing.Objects3.s3;
import static dev.s3batch.handler.testing.Objects3.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.testing.BatchInvoker;
import dev.s3batch.handler.testing.BatchInvoker.Response;
import dev.s3batch.handler.testing.BatchInvoker.Task;
import dev.s3batch.handler.testing.TestLambdaContext;
import dev.s3batch.testkit.S3MockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;

/** Multipart copies (threshold and parts of 5 MiB, the least S3Mock accepts, like S3). */
class CopyActionMultipartTest {

  private static final int MIB = 1 << 20;
  private static final Map<String, String> ENV = Map.of("S3BATCH_ACTION", "copy");
  private static final Map<String, String> SMALL_PARTS =
      Map.of("destinationPrefix", "copy/", "multipartThreshold", "5MiB", "partSize", "5 MiB");

  private final String bucket = S3MockServer.get().newBucket("mp");

  private static Map<String, String> args(String... pairs) {
    Map<String, String> m = new java.util.HashMap<>(SMALL_PARTS);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private byte[] putBig(String key, int size, long seed) {
    byte[] body = bytes(size, seed);
    s3().putObject(b -> b.bucket(bucket).key(key).contentType("video/mp4").contentDisposition("inline")
        .metadata(Map.of("camera", "north gate")).storageClass(StorageClass.STANDARD_IA), RequestBody.fromBytes(body));
    s3().putObjectTagging(b -> b.bucket(bucket).key(key).tagging(t -> t.tagSet(
        Tag.builder().key("project").value("alpha beta").build(), Tag.builder().key("team:owner").value("a+b = c/d@e").build())));
    return body;
  }

  @Test
  void copy_sourceOverThreshold_copiesPartsInParallelByteIdenticalWithMetadataAndTags() {
    byte[] body = putBig("big.mp4", 23 * MIB, 21);
    BatchInvoker invoker = new BatchInvoker(ENV);
    CountDownLatch bothRunning = new CountDownLatch(2);
    List<Boolean> overlapped = new CopyOnWriteArrayList<>();
    invoker.recorder().before("UploadPartCopyRequest", r -> {
      bothRunning.countDown();
      try {
        overlapped.add(bothRunning.await(10, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    Response r = invoker.invoke(args("copyConcurrency", "4"), Task.of(bucket, "big.mp4"));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    assertThat(r.message()).contains("4 parts");
    assertThat(invoker.recorder().count("UploadPartCopyRequest")).isEqualTo(4);
    assertThat(overlapped).hasSize(4).containsOnly(true);
    assertThat(sha256(read(bucket, "copy/big.mp4"))).isEqualTo(sha256(body));
    HeadObjectResponse h = s3().headObject(b -> b.bucket(bucket).key("copy/big.mp4"));
    assertThat(h.eTag()).endsWith("-4\"");
    assertThat(h.contentType()).isEqualTo("video/mp4");
    assertThat(h.contentDisposition()).isEqualTo("inline");
    assertThat(h.metadata()).containsOnly(Map.entry("camera", "north gate"));
    assertThat(h.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
    assertThat(s3().getObjectTagging(b -> b.bucket(bucket).key("copy/big.mp4")).tagSet())
        .containsExactlyInAnyOrder(Tag.builder().key("project").value("alpha beta").build(),
            Tag.builder().key("team:owner").value("a+b = c/d@e").build());
    assertThat(openUploads(bucket)).isZero();
  }

  @Test
  void copy_multipartWithReplacedMetadataAndTags_setsThem() {
    byte[] body = putBig("r.bin", 11 * MIB, 22);

    Response r = new BatchInvoker(ENV).invoke(args("metadataDirective", "REPLACE", "metadata", "{\"a\":\"1\"}",
        "contentType", "text/csv", "taggingDirective", "REPLACE", "tags", "stage=cold%20copy&x=y"),
        Task.of(bucket, "r.bin"));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    HeadObjectResponse h = s3().headObject(b -> b.bucket(bucket).key("copy/r.bin"));
    assertThat(h.contentType()).isEqualTo("text/csv");
    assertThat(h.metadata()).containsOnly(Map.entry("a", "1"));
    assertThat(s3().getObjectTagging(b -> b.bucket(bucket).key("copy/r.bin")).tagSet())
        .containsExactlyInAnyOrder(Tag.builder().key("stage").value("cold copy").build(),
            Tag.builder().key("x").value("y").build());
    assertThat(sha256(read(bucket, "copy/r.bin"))).isEqualTo(sha256(body));
  }

  @Test
  void copy_multipartOfOlderVersion_copiesThatVersion() {
    String versioned = S3MockServer.get().newVersionedBucket("mp-ver");
    byte[] v1Body = bytes(12 * MIB, 23);
    String v1 = s3().putObject(b -> b.bucket(versioned).key("v"), RequestBody.fromBytes(v1Body)).versionId();
    s3().putObject(b -> b.bucket(versioned).key("v"), RequestBody.fromBytes(bytes(12 * MIB, 24)));

    Response r = new BatchInvoker(ENV).invoke(SMALL_PARTS, new Task(versioned, "v", v1));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    assertThat(sha256(read(versioned, "copy/v"))).isEqualTo(sha256(v1Body));
  }

  @Test
  void copy_sourceOverwrittenMidCopy_failsPermanentlyAndLeavesNoUpload() {
    putBig("moving.bin", 16 * MIB, 25);
    BatchInvoker invoker = new BatchInvoker(ENV);
    AtomicInteger copied = new AtomicInteger();
    invoker.recorder().after("UploadPartCopyRequest", r -> {
      if (copied.incrementAndGet() == 1) {
        s3().putObject(b -> b.bucket(bucket).key("moving.bin"), RequestBody.fromString("overwritten"));
      }
    });

    Response r = invoker.invoke(args("copyConcurrency", "1"), Task.of(bucket, "moving.bin"));

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).contains("PreconditionFailed").contains("412");
    assertThat(openUploads(bucket)).isZero();
    assertThat(invoker.recorder().count("AbortMultipartUploadRequest")).isEqualTo(1);
    assertThat(s3().listObjectsV2(b -> b.bucket(bucket).prefix("copy/")).contents()).isEmpty();
  }

  @Test
  void copy_deadlineNearMidCopy_stopsAndRedriveResumesFromCopiedParts() {
    byte[] body = putBig("long.bin", 33 * MIB, 26);
    BatchInvoker invoker = new BatchInvoker(ENV);
    // Each part copy "takes" 20 s of Lambda time; 95 s left and a 30 s margin leave room for 4 parts.
    TestLambdaContext first = new TestLambdaContext(Duration.ofSeconds(95));
    invoker.recorder().after("UploadPartCopyRequest", r -> first.advance(Duration.ofSeconds(20)));

    Response stopped = invoker.invoke(args("copyConcurrency", "1"), List.of(Task.of(bucket, "long.bin")), first);

    assertThat(stopped.code()).isEqualTo("TemporaryFailure");
    assertThat(stopped.message()).startsWith("deadline near");
    assertThat(invoker.recorder().count("UploadPartCopyRequest")).isEqualTo(4);
    List<MultipartUpload> open = s3().listMultipartUploads(b -> b.bucket(bucket)).uploads();
    assertThat(open).hasSize(1);
    List<Part> partsAfterFirst = s3().listParts(b -> b.bucket(bucket).key("copy/long.bin")
        .uploadId(open.get(0).uploadId())).parts();
    assertThat(partsAfterFirst).extracting(Part::partNumber).containsExactly(1, 2, 3, 4, 10_000);
    assertThat(s3().listObjectsV2(b -> b.bucket(bucket).prefix("copy/")).contents()).isEmpty();

    invoker.recorder().reset();
    Response finished = invoker.invoke(args("copyConcurrency", "1"), Task.of(bucket, "long.bin"));

    assertThat(finished.code()).as(finished.message()).isEqualTo("Succeeded");
    assertThat(finished.message()).contains("6 parts, 4 resumed");
    assertThat(invoker.recorder().count("UploadPartCopyRequest")).isEqualTo(2);
    assertThat(invoker.recorder().count("CreateMultipartUploadRequest")).isZero();
    assertThat(sha256(read(bucket, "copy/long.bin"))).isEqualTo(sha256(body));
    assertThat(s3().headObject(b -> b.bucket(bucket).key("copy/long.bin")).metadata())
        .containsOnly(Map.entry("camera", "north gate"));
    assertThat(openUploads(bucket)).isZero();
  }

  @Test
  void copy_sourceChangedBetweenInvocations_doesNotReuseOldParts() {
    putBig("changing.bin", 12 * MIB, 27);
    BatchInvoker invoker = new BatchInvoker(ENV);
    TestLambdaContext first = new TestLambdaContext(Duration.ofSeconds(55));
    invoker.recorder().after("UploadPartCopyRequest", r -> first.advance(Duration.ofSeconds(40)));
    Response stopped = invoker.invoke(args("copyConcurrency", "1"), List.of(Task.of(bucket, "changing.bin")), first);
    assertThat(stopped.code()).isEqualTo("TemporaryFailure");
    byte[] now = putBig("changing.bin", 12 * MIB, 28);
    invoker.recorder().reset();

    Response finished = invoker.invoke(args("copyConcurrency", "1"), Task.of(bucket, "changing.bin"));

    assertThat(finished.code()).as(finished.message()).isEqualTo("Succeeded");
    assertThat(invoker.recorder().count("UploadPartCopyRequest")).isEqualTo(2);
    assertThat(sha256(read(bucket, "copy/changing.bin"))).isEqualTo(sha256(now));
  }

  @Test
  void copy_thresholdAndPartSizeFromEnvironment_copiesInParts() {
    byte[] body = putBig("env.bin", 11 * MIB, 29);
    BatchInvoker invoker = new BatchInvoker(Map.of("S3BATCH_ACTION", "copy",
        "S3BATCH_MULTIPART_THRESHOLD", "6MiB", "S3BATCH_PART_SIZE", "5242880", "S3BATCH_COPY_CONCURRENCY", "2"));

    Response r = invoker.invoke(Map.of("destinationPrefix", "e/"), Task.of(bucket, "env.bin"));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    assertThat(invoker.recorder().count("UploadPartCopyRequest")).isEqualTo(2);
    assertThat(invoker.recorder().count("CopyObjectRequest")).isZero();
    assertThat(sha256(read(bucket, "e/env.bin"))).isEqualTo(sha256(body));
  }
}
