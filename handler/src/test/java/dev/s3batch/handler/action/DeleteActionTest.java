package dev.s3batch.handler.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.response.TaskResult;
import dev.s3batch.handler.testing.Invoke;
import dev.s3batch.testkit.S3MockServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

class DeleteActionTest {

  private final S3Client s3 = S3MockServer.get().client();

  @Test
  void delete_existingObject_deletesIt() {
    String bucket = S3MockServer.get().newBucket("delete");
    s3.putObject(b -> b.bucket(bucket).key("dir/a b+c.txt"), RequestBody.fromString("hello"));

    TaskResult r = Invoke.action("delete").on(bucket, "dir/a b+c.txt").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).isEqualTo("deleted s3://" + bucket + "/dir/a b+c.txt");
    assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("dir/a b+c.txt")))
        .isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void delete_absentKey_succeedsSayingAlreadyAbsent() {
    String bucket = S3MockServer.get().newBucket("delete");

    TaskResult r = Invoke.action("delete").on(bucket, "never-was.txt").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).startsWith("already absent: s3://" + bucket + "/never-was.txt");
  }

  @Test
  void delete_missingBucket_failsPermanentlyWithNoSuchBucket() {
    TaskResult r = Invoke.action("delete").on("no-such-bucket-for-delete", "a.txt").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).contains("NoSuchBucket").contains("HTTP 404");
  }

  @Test
  void delete_versionedTask_deletesOnlyThatVersionPermanently() {
    String bucket = S3MockServer.get().newVersionedBucket("delete");
    String v1 = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("one")).versionId();
    String v2 = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("two")).versionId();

    TaskResult r = Invoke.action("delete").onVersion(bucket, "k", v1).run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).isEqualTo("deleted version " + v1 + " of s3://" + bucket + "/k permanently");
    assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).versions())
        .extracting(ObjectVersion::versionId).containsExactly(v2);
  }

  @Test
  void delete_versionedTaskOfAbsentVersion_succeedsSayingAlreadyAbsent() {
    String bucket = S3MockServer.get().newVersionedBucket("delete");
    String v1 = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("one")).versionId();
    s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(v1));

    TaskResult r = Invoke.action("delete").onVersion(bucket, "k", v1).run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).startsWith("already absent: s3://" + bucket + "/k?versionId=" + v1);
  }

  @Test
  void delete_versionedBucketWithoutVersionId_createsDeleteMarkerAndKeepsVersions() {
    String bucket = S3MockServer.get().newVersionedBucket("delete");
    String v1 = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("one")).versionId();

    TaskResult r = Invoke.action("delete").on(bucket, "k").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).startsWith("deleted s3://" + bucket + "/k: delete marker ")
        .endsWith("created, earlier versions kept");
    var versions = s3.listObjectVersions(b -> b.bucket(bucket));
    assertThat(versions.versions()).extracting(ObjectVersion::versionId).containsExactly(v1);
    assertThat(versions.deleteMarkers()).hasSize(1);
  }

  @Test
  void delete_latestVersionIsDeleteMarker_succeedsWithoutAnotherMarker() {
    String bucket = S3MockServer.get().newVersionedBucket("delete");
    s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("one"));
    s3.deleteObject(b -> b.bucket(bucket).key("k"));

    TaskResult r = Invoke.action("delete").on(bucket, "k").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).startsWith("already absent: s3://" + bucket + "/k");
    assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).deleteMarkers()).hasSize(1);
  }
}
