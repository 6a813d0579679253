package dev.s3batch.handler.action;

import static dev.s3batch.handler.testing.Objects3.bytes;
import static dev.s3batch.handler.testing.Objects3.keys;
import static dev.s3batch.handler.testing.Objects3.openUploads;
import static dev.s3batch.handler.testing.Objects3.read;
import static dev.s3batch.handler.testing.Objects3.s3;
import static dev.s3batch.handler.testing.Objects3.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.testing.BatchInvoker;
import dev.s3batch.handler.testing.BatchInvoker.Response;
import dev.s3batch.handler.testing.BatchInvoker.Task;
import dev.s3batch.testkit.S3MockServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

class MoveActionTest {

  private static final Map<String, String> MOVE = Map.of("S3BATCH_ACTION", "move");

  private final String bucket = S3MockServer.get().newBucket("move");

  @Test
  void move_toPrefix_copiesThenDeletesSource() {
    s3().putObject(b -> b.bucket(bucket).key("in/a.txt").metadata(Map.of("m", "1")), RequestBody.fromString("payload"));
    BatchInvoker invoker = new BatchInvoker(MOVE);

    Response r = invoker.invoke(Map.of("destinationPrefix", "archive/"), Task.of(bucket, "in/a.txt"));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    assertThat(r.message()).startsWith("moved s3://" + bucket + "/in/a.txt to s3://" + bucket + "/archive/in/a.txt");
    assertThat(keys(bucket)).containsExactly("archive/in/a.txt");
    assertThat(new String(read(bucket, "archive/in/a.txt"))).isEqualTo("payload");
    assertThat(s3().headObject(b -> b.bucket(bucket).key("archive/in/a.txt")).metadata()).containsEntry("m", "1");
  }

  @Test
  void move_taskNamesVersion_deletesOnlyThatVersion() {
    String versioned = S3MockServer.get().newVersionedBucket("move-ver");
    String v1 = s3().putObject(b -> b.bucket(versioned).key("k"), RequestBody.fromString("one")).versionId();
    String v2 = s3().putObject(b -> b.bucket(versioned).key("k"), RequestBody.fromString("two")).versionId();

    Response r = new BatchInvoker(MOVE).invoke(Map.of("destinationPrefix", "old/"), new Task(versioned, "k", v1));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    assertThat(new String(read(versioned, "old/k"))).isEqualTo("one");
    assertThat(s3().listObjectVersions(b -> b.bucket(versioned).prefix("k")).versions())
        .extracting(ObjectVersion::versionId).containsExactly(v2);
    assertThat(new String(read(versioned, "k"))).isEqualTo("two");
  }

  @Test
  void move_copyReplacedBeforeVerification_keepsSource() {
    s3().putObject(b -> b.bucket(bucket).key("v.txt"), RequestBody.fromString("original"));
    BatchInvoker invoker = new BatchInvoker(MOVE);
    invoker.recorder().after("CopyObjectRequest", req ->
        s3().putObject(b -> b.bucket(bucket).key("moved/v.txt"), RequestBody.fromString("someone else's")));

    Response r = invoker.invoke(Map.of("destinationPrefix", "moved/"), Task.of(bucket, "v.txt"));

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).startsWith("copy not verified").endsWith("source kept");
    assertThat(new String(read(bucket, "v.txt"))).isEqualTo("original");
    assertThat(invoker.recorder().count("DeleteObjectRequest")).isZero();
  }

  @Test
  void move_sourceOverwrittenAfterCopy_keepsSource() {
    s3().putObject(b -> b.bucket(bucket).key("w.txt"), RequestBody.fromString("first"));
    BatchInvoker invoker = new BatchInvoker(MOVE);
    AtomicBoolean once = new AtomicBoolean();
    invoker.recorder().after("CopyObjectRequest", req -> {
      if (once.compareAndSet(false, true)) {
        s3().putObject(b -> b.bucket(bucket).key("w.txt"), RequestBody.fromString("newer"));
      }
    });

    Response r = invoker.invoke(Map.of("destinationPrefix", "moved/"), Task.of(bucket, "w.txt"));

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).startsWith("source changed after the copy");
    assertThat(new String(read(bucket, "w.txt"))).isEqualTo("newer");
    assertThat(new String(read(bucket, "moved/w.txt"))).isEqualTo("first");
  }

  @Test
  void move_destinationNotAllowed_keepsSourceAndWritesNothing() {
    String elsewhere = S3MockServer.get().newBucket("move-elsewhere");
    s3().putObject(b -> b.bucket(bucket).key("x"), RequestBody.fromString("x"));

    Response r = new BatchInvoker(MOVE).invoke(Map.of("destinationBucket", elsewhere), Task.of(bucket, "x"));

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).startsWith("destination bucket not allowed");
    assertThat(keys(bucket)).containsExactly("x");
    assertThat(keys(elsewhere)).isEmpty();
  }

  @Test
  void move_ontoItself_isRefusedAndKeepsSource() {
    s3().putObject(b -> b.bucket(bucket).key("self"), RequestBody.fromString("self"));

    Response r = new BatchInvoker(MOVE).invoke(Map.of(), Task.of(bucket, "self"));

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).startsWith("move onto itself");
    assertThat(new String(read(bucket, "self"))).isEqualTo("self");
  }

  @Test
  void move_redriveAfterCopyDone_deletesSourceWithoutCopyingAgain() {
    s3().putObject(b -> b.bucket(bucket).key("r"), RequestBody.fromString("redriven"));
    s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("r").destinationBucket(bucket).destinationKey("to/r"));
    BatchInvoker invoker = new BatchInvoker(MOVE);

    Response r = invoker.invoke(Map.of("destinationPrefix", "to/"), Task.of(bucket, "r"));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    assertThat(r.message()).startsWith("moved (already copied)");
    assertThat(invoker.recorder().count("CopyObjectRequest")).isZero();
    assertThat(keys(bucket)).containsExactly("to/r");
  }

  @Test
  void move_redriveAfterSourceDeleted_succeedsAlreadyMovedTouchingNothing() {
    s3().putObject(b -> b.bucket(bucket).key("to/gone"), RequestBody.fromString("moved before"));
    BatchInvoker invoker = new BatchInvoker(MOVE);

    Response r = invoker.invoke(Map.of("destinationPrefix", "to/"), Task.of(bucket, "gone"));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    assertThat(r.message()).isEqualTo("already moved: the source s3://" + bucket + "/gone is gone and s3://" + bucket
        + "/to/gone holds 12 bytes, etag " + s3().headObject(b -> b.bucket(bucket).key("to/gone")).eTag());
    assertThat(invoker.recorder().count("CopyObjectRequest")).isZero();
    assertThat(invoker.recorder().count("DeleteObjectRequest")).isZero();
    assertThat(keys(bucket)).containsExactly("to/gone");
  }

  @Test
  void move_sourceDeletedByAnEarlierAttemptAfterTheCopy_succeedsSayingSoAndDeletesNothing() {
    s3().putObject(b -> b.bucket(bucket).key("late"), RequestBody.fromString("payload"));
    BatchInvoker invoker = new BatchInvoker(MOVE);
    // the attempt that timed out, still carried out by S3 beside its redrive, deletes the source now
    invoker.recorder().after("CopyObjectRequest", req -> s3().deleteObject(b -> b.bucket(bucket).key("late")));

    Response r = invoker.invoke(Map.of("destinationPrefix", "to/"), Task.of(bucket, "late"));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    assertThat(r.message()).startsWith("moved s3://" + bucket + "/late to s3://" + bucket + "/to/late")
        .endsWith("; the source was already gone when it was to be deleted"
            + " (an earlier attempt of this task, or another client, deleted it)");
    assertThat(invoker.recorder().count("DeleteObjectRequest")).isZero();
    assertThat(keys(bucket)).containsExactly("to/late");
    assertThat(new String(read(bucket, "to/late"))).isEqualTo("payload");
  }

  @Test
  void move_sourceAndDestinationMissing_permanentNoSuchKey() {
    Response r = new BatchInvoker(MOVE).invoke(Map.of("destinationPrefix", "to/"), Task.of(bucket, "never"));

    assertThat(r.code()).as(r.message()).isEqualTo("PermanentFailure");
    assertThat(r.message()).startsWith("S3 error NoSuchKey (HTTP 404");
    assertThat(keys(bucket)).isEmpty();
  }

  @Test
  void move_multipart_deletesSourceAfterVerifiedCopy() {
    byte[] body = bytes(12 << 20, 31);
    s3().putObject(b -> b.bucket(bucket).key("big"), RequestBody.fromBytes(body));

    Response r = new BatchInvoker(MOVE).invoke(
        Map.of("destinationPrefix", "m/", "multipartThreshold", "5MiB", "partSize", "5MiB"), Task.of(bucket, "big"));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    assertThat(keys(bucket)).containsExactly("m/big");
    assertThat(sha256(read(bucket, "m/big"))).isEqualTo(sha256(body));
    assertThat(openUploads(bucket)).isZero();
  }
}
