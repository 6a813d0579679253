package dev.s3batch.handler.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.response.TaskResult;
import dev.s3batch.handler.testing.Invoke;
import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.testkit.S3ProxyServer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;

/** Against both S3 servers: S3Mock (404 on a marker version) and S3Proxy (AWS-like, signatures checked). */
class RemoveDeleteMarkerActionTest {

  record Server(String name, S3Client client, Function<String, String> newVersionedBucket) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> servers() {
    return Stream.of(
        Arguments.of(new Server("S3Mock", S3MockServer.get().client(), S3MockServer.get()::newVersionedBucket)),
        Arguments.of(new Server("S3Proxy", S3ProxyServer.get().client(), S3ProxyServer.get()::newVersionedBucket)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void removeDeleteMarker_versionIsMarker_restoresObject(Server server) {
    S3Client s3 = server.client();
    String bucket = server.newVersionedBucket().apply("markers");
    String v1 = s3.putObject(b -> b.bucket(bucket).key("doc.txt"), RequestBody.fromString("kept")).versionId();
    s3.deleteObject(b -> b.bucket(bucket).key("doc.txt"));
    String marker = onlyMarker(s3, bucket);

    TaskResult r = Invoke.action("remove-delete-marker").onVersion(bucket, "doc.txt", marker).run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).isEqualTo("removed delete marker " + marker + " from s3://" + bucket + "/doc.txt");
    assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).deleteMarkers()).isEmpty();
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("doc.txt")).asUtf8String()).isEqualTo("kept");
    assertThat(s3.headObject(b -> b.bucket(bucket).key("doc.txt")).versionId()).isEqualTo(v1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void removeDeleteMarker_keyThatIsAJsonObjectWithoutKeyField_restoresThatObject(Server server) {
    S3Client s3 = server.client();
    String bucket = server.newVersionedBucket().apply("markers");
    String key = "{\"looks\":\"like json\"}";
    String v1 = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("kept")).versionId();
    s3.deleteObject(b -> b.bucket(bucket).key(key));
    String marker = onlyMarker(s3, bucket);

    TaskResult r = Invoke.action("remove-delete-marker").onVersion(bucket, key, marker).run(s3).only();

    assertThat(r.resultCode()).as(r.resultString()).isEqualTo(ResultCode.Succeeded);
    assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).deleteMarkers()).isEmpty();
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String()).isEqualTo("kept");
    assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).versionId()).isEqualTo(v1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void removeDeleteMarker_versionIsObject_failsPermanentlyAndKeepsIt(Server server) {
    S3Client s3 = server.client();
    String bucket = server.newVersionedBucket().apply("markers");
    String v1 = s3.putObject(b -> b.bucket(bucket).key("doc.txt"), RequestBody.fromString("kept")).versionId();

    TaskResult r = Invoke.action("remove-delete-marker").onVersion(bucket, "doc.txt", v1).run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).isEqualTo(
        "version " + v1 + " of s3://" + bucket + "/doc.txt is not a delete marker: nothing removed");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("doc.txt").versionId(v1)).asUtf8String())
        .isEqualTo("kept");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void removeDeleteMarker_markerNotLatest_removesOnlyThatMarker(Server server) {
    S3Client s3 = server.client();
    String bucket = server.newVersionedBucket().apply("markers");
    s3.putObject(b -> b.bucket(bucket).key("doc.txt"), RequestBody.fromString("one"));
    s3.deleteObject(b -> b.bucket(bucket).key("doc.txt"));
    String marker = onlyMarker(s3, bucket);
    String v2 = s3.putObject(b -> b.bucket(bucket).key("doc.txt"), RequestBody.fromString("two")).versionId();

    TaskResult r = Invoke.action("remove-delete-marker").onVersion(bucket, "doc.txt", marker).run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).deleteMarkers()).isEmpty();
    assertThat(s3.headObject(b -> b.bucket(bucket).key("doc.txt")).versionId()).isEqualTo(v2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void removeDeleteMarker_noVersionId_failsPermanentlyAskingForOne(Server server) {
    S3Client s3 = server.client();
    String bucket = server.newVersionedBucket().apply("markers");
    s3.putObject(b -> b.bucket(bucket).key("doc.txt"), RequestBody.fromString("one"));
    s3.deleteObject(b -> b.bucket(bucket).key("doc.txt"));

    TaskResult r = Invoke.action("remove-delete-marker").on(bucket, "doc.txt").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).startsWith("remove-delete-marker needs a version id");
    assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).deleteMarkers()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void delete_versionIsMarker_deletesMarkerPermanently(Server server) {
    S3Client s3 = server.client();
    String bucket = server.newVersionedBucket().apply("markers");
    s3.putObject(b -> b.bucket(bucket).key("doc.txt"), RequestBody.fromString("one"));
    s3.deleteObject(b -> b.bucket(bucket).key("doc.txt"));
    String marker = onlyMarker(s3, bucket);

    TaskResult r = Invoke.action("delete").onVersion(bucket, "doc.txt", marker).run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).isEqualTo(
        "deleted delete marker " + marker + " of s3://" + bucket + "/doc.txt permanently");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("doc.txt")).asUtf8String()).isEqualTo("one");
  }

  private static String onlyMarker(S3Client s3, String bucket) {
    var markers = s3.listObjectVersions(b -> b.bucket(bucket)).deleteMarkers();
    assertThat(markers).hasSize(1);
    return markers.stream().map(DeleteMarkerEntry::versionId).findFirst().orElseThrow();
  }
}
