package dev.s3batch.handler.action;

import static dev.s3batch.handler.testing.Objects3.bytes;
import static dev.s3batch.handler.testing.Objects3.keys;
import static dev.s3batch.handler.testing.Objects3.read;
import static dev.s3batch.handler.testing.Objects3.s3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.testing.BatchInvoker;
import dev.s3batch.handler.testing.BatchInvoker.Response;
import dev.s3batch.handler.testing.BatchInvoker.Task;
import dev.s3batch.handler.testing.ManifestKeys;
import dev.s3batch.testkit.NastyKeys;
import dev.s3batch.testkit.S3MockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;

class CopyActionTest {

  private static final Map<String, String> COPY = Map.of("S3BATCH_ACTION", "copy");

  private final String source = S3MockServer.get().newBucket("copy-src");

  private void put(String bucket, String key, byte[] body) {
    s3().putObject(b -> b.bucket(bucket).key(key).contentType("application/x-test").cacheControl("max-age=60")
        .metadata(Map.of("owner", "team-a", "origin", "camera 7"))
        .storageClass(StorageClass.STANDARD_IA), RequestBody.fromBytes(body));
    s3().putObjectTagging(b -> b.bucket(bucket).key(key).tagging(t -> t.tagSet(
        Tag.builder().key("project").value("alpha").build(), Tag.builder().key("note").value("a b+c").build())));
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new java.util.HashMap<>(COPY);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void copy_toPrefix_keepsBytesMetadataContentTypeTagsAndStorageClass() {
    byte[] body = bytes(3000, 1);
    put(source, "photos/a.jpg", body);

    Response r = new BatchInvoker(COPY).invoke(Map.of("destinationPrefix", "backup/"), Task.of(source, "photos/a.jpg"));

    assertThat(r.code()).isEqualTo("Succeeded");
    assertThat(r.message()).startsWith("copied s3://" + source + "/photos/a.jpg to s3://" + source + "/backup/photos/a.jpg");
    assertThat(read(source, "backup/photos/a.jpg")).isEqualTo(body);
    HeadObjectResponse h = s3().headObject(b -> b.bucket(source).key("backup/photos/a.jpg"));
    assertThat(h.contentType()).isEqualTo("application/x-test");
    assertThat(h.cacheControl()).isEqualTo("max-age=60");
    assertThat(h.metadata()).containsEntry("owner", "team-a").containsEntry("origin", "camera 7");
    assertThat(h.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
    assertThat(s3().getObjectTagging(b -> b.bucket(source).key("backup/photos/a.jpg")).tagSet())
        .containsExactlyInAnyOrder(Tag.builder().key("project").value("alpha").build(),
            Tag.builder().key("note").value("a b+c").build());
  }

  @Test
  void copy_toBucketConfiguredInEnvironment_copiesToSameKey() {
    String dest = S3MockServer.get().newBucket("copy-dst");
    put(source, "x/y.bin", bytes(100, 2));

    Response r = new BatchInvoker(env("S3BATCH_DESTINATION_BUCKET", dest)).invoke(Map.of(), Task.of(source, "x/y.bin"));

    assertThat(r.code()).isEqualTo("Succeeded");
    assertThat(read(dest, "x/y.bin")).isEqualTo(bytes(100, 2));
  }

  @Test
  void copy_jsonKeysWithNewKey_renamesAndHonoursPerKeyBucket() {
    String other = S3MockServer.get().newBucket("copy-other");
    put(source, "in/a b.txt", bytes(10, 3));
    put(source, "in/c.txt", bytes(20, 4));
    String renameHere = ManifestKeys.encode("{\"origKey\": \"in/a b.txt\", \"newKey\": \"out/renamed a.txt\"}");
    String renameThere = ManifestKeys.encode(
        "{\"origKey\": \"in/c.txt\", \"newKey\": \"c-new.txt\", \"destinationBucket\": \"" + other + "\"}");

    Response r = new BatchInvoker(env("S3BATCH_ALLOWED_DESTINATIONS", source + "," + other)).invoke(
        Map.of(), List.of(new Task(source, renameHere, null), new Task(source, renameThere, null)),
        dev.s3batch.handler.testing.TestLambdaContext.ample());

    assertThat(r.code(0)).isEqualTo("Succeeded");
    assertThat(r.code(1)).isEqualTo("Succeeded");
    assertThat(read(source, "out/renamed a.txt")).isEqualTo(bytes(10, 3));
    assertThat(read(other, "c-new.txt")).isEqualTo(bytes(20, 4));
    assertThat(keys(other)).containsExactly("c-new.txt");
  }

  @Test
  void copy_nastyKeys_copiesEveryKeyUnchanged() {
    String dest = S3MockServer.get().newBucket("copy-nasty");
    List<Task> tasks = new ArrayList<>();
    List<String> all = new ArrayList<>();
    List<String> s3MockRefuses = new ArrayList<>();
    for (String key : NastyKeys.all()) {
      try {
        s3().putObject(b -> b.bucket(source).key(key), RequestBody.fromBytes(bytes(16, key.hashCode())));
        all.add(key);
        tasks.add(Task.of(source, key));
      } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
        s3MockRefuses.add(key);
      }
    }
    System.out.println("S3Mock refuses to store " + s3MockRefuses.size() + " nasty keys: " + s3MockRefuses);
    assertThat(all).hasSizeGreaterThan(NastyKeys.all().size() - 8);

    Response r = new BatchInvoker(env("S3BATCH_DESTINATION_BUCKET", dest))
        .invoke(Map.of("keyFormat", "plain"), tasks, dev.s3batch.handler.testing.TestLambdaContext.ample());

    for (int i = 0; i < all.size(); i++) {
      assertThat(r.code(i)).as("key %s: %s", all.get(i), r.message(i)).isEqualTo("Succeeded");
      assertThat(read(dest, all.get(i))).as("key %s", all.get(i)).isEqualTo(bytes(16, all.get(i).hashCode()));
    }
    // encoding-type=url: S3Mock answers 500 when it must put a control character into XML.
    assertThat(s3().listObjectsV2Paginator(b -> b.bucket(dest).encodingType(EncodingType.URL)).contents())
        .extracting(S3Object::key).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void copy_taskNamesOlderVersion_copiesThatVersion() {
    String versioned = S3MockServer.get().newVersionedBucket("copy-ver");
    String v1 = s3().putObject(b -> b.bucket(versioned).key("doc"), RequestBody.fromString("first")).versionId();
    s3().putObject(b -> b.bucket(versioned).key("doc"), RequestBody.fromString("second"));

    Response r = new BatchInvoker(COPY).invoke(
        Map.of("destinationPrefix", "old/"), new Task(versioned, "doc", v1));

    assertThat(r.code()).isEqualTo("Succeeded");
    assertThat(r.message()).contains("s3://" + versioned + "/doc?versionId=" + v1);
    assertThat(new String(read(versioned, "old/doc"))).isEqualTo("first");
  }

  @Test
  void copy_newStorageClassAndReplacedMetadata_appliesThem() {
    // S3Mock ignores Content-Type on a REPLACE CopyObject, so contentType is checked in MultipartCopyTest.
    put(source, "r.txt", bytes(50, 5));

    Response r = new BatchInvoker(COPY).invoke(Map.of(
        "destinationPrefix", "c/", "storageClass", "GLACIER_IR", "metadataDirective", "REPLACE",
        "metadata", "{\"owner\":\"team-b\"}", "contentType", "text/plain"), Task.of(source, "r.txt"));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    HeadObjectResponse h = s3().headObject(b -> b.bucket(source).key("c/r.txt"));
    assertThat(h.storageClass()).isEqualTo(StorageClass.GLACIER_IR);
    assertThat(h.metadata()).containsOnly(Map.entry("owner", "team-b"));
    assertThat(read(source, "c/r.txt")).isEqualTo(bytes(50, 5));
  }

  @Test
  void copy_destinationAlreadyHoldsSameContent_answersAlreadyCopiedWithoutCopying() {
    put(source, "same.bin", bytes(500, 6));
    BatchInvoker invoker = new BatchInvoker(COPY);
    assertThat(invoker.invoke(Map.of("destinationPrefix", "d/"), Task.of(source, "same.bin")).code())
        .isEqualTo("Succeeded");
    assertThat(invoker.recorder().count("CopyObjectRequest")).isEqualTo(1);
    invoker.recorder().reset();

    Response again = invoker.invoke(Map.of("destinationPrefix", "d/"), Task.of(source, "same.bin"));

    assertThat(again.code()).isEqualTo("Succeeded");
    assertThat(again.message()).startsWith("already copied s3://" + source + "/same.bin to s3://" + source + "/d/same.bin");
    assertThat(invoker.recorder().count("CopyObjectRequest")).isZero();
    assertThat(invoker.recorder().count("CreateMultipartUploadRequest")).isZero();
  }

  @Test
  void copy_noOverwriteAndDestinationDiffers_failsPermanentlyAndKeepsDestination() {
    put(source, "n.bin", bytes(40, 7));
    s3().putObject(b -> b.bucket(source).key("keep/n.bin"), RequestBody.fromString("precious"));
    BatchInvoker invoker = new BatchInvoker(COPY);

    Response r = invoker.invoke(Map.of("destinationPrefix", "keep/", "noOverwrite", "true"), Task.of(source, "n.bin"));

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).startsWith("destination exists: s3://" + source + "/keep/n.bin");
    assertThat(new String(read(source, "keep/n.bin"))).isEqualTo("precious");
    assertThat(invoker.recorder().count("CopyObjectRequest")).isZero();
  }

  @Test
  void copy_noOverwriteAndDestinationMissing_copies() {
    put(source, "m.bin", bytes(40, 8));

    Response r = new BatchInvoker(COPY).invoke(Map.of("destinationPrefix", "new/", "noOverwrite", "true"),
        Task.of(source, "m.bin"));

    assertThat(r.code()).isEqualTo("Succeeded");
    assertThat(read(source, "new/m.bin")).isEqualTo(bytes(40, 8));
  }

  @Test
  void copy_jobNamesBucketOutsideDefaultGuardRail_failsPermanentlyAndWritesNothing() {
    String elsewhere = S3MockServer.get().newBucket("copy-elsewhere");
    String configured = S3MockServer.get().newBucket("copy-configured");
    put(source, "g.bin", bytes(30, 9));
    BatchInvoker invoker = new BatchInvoker(env("S3BATCH_DESTINATION_BUCKET", configured));

    Response r = invoker.invoke(Map.of("destinationBucket", elsewhere), Task.of(source, "g.bin"));

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).startsWith("destination bucket not allowed: \"" + elsewhere + "\"");
    assertThat(keys(elsewhere)).isEmpty();
    assertThat(invoker.recorder().count("HeadObjectRequest")).isZero();
  }

  @Test
  void copy_jsonKeyNamesBucketOutsideAllowList_failsThatTaskOnly() {
    String allowed = S3MockServer.get().newBucket("copy-allowed");
    String denied = S3MockServer.get().newBucket("copy-denied");
    put(source, "a", bytes(10, 10));
    String bad = ManifestKeys.encode("{\"origKey\": \"a\", \"newKey\": \"a\", \"destinationBucket\": \"" + denied + "\"}");
    String good = ManifestKeys.encode("{\"origKey\": \"a\", \"newKey\": \"a\", \"destinationBucket\": \"" + allowed + "\"}");

    Response r = new BatchInvoker(env("S3BATCH_ALLOWED_DESTINATIONS", allowed)).invoke(Map.of(),
        List.of(new Task(source, bad, null), new Task(source, good, null)),
        dev.s3batch.handler.testing.TestLambdaContext.ample());

    assertThat(r.code(0)).isEqualTo("PermanentFailure");
    assertThat(r.message(0)).contains("destination bucket not allowed");
    assertThat(keys(denied)).isEmpty();
    assertThat(r.code(1)).isEqualTo("Succeeded");
    assertThat(keys(allowed)).containsExactly("a");
  }

  @Test
  void copy_allowListStar_allowsAnyBucket() {
    String any = S3MockServer.get().newBucket("copy-any");
    put(source, "s", bytes(10, 11));

    Response r = new BatchInvoker(env("S3BATCH_ALLOWED_DESTINATIONS", "*"))
        .invoke(Map.of("destinationBucket", any), Task.of(source, "s"));

    assertThat(r.code()).isEqualTo("Succeeded");
    assertThat(keys(any)).containsExactly("s");
  }

  @Test
  void copy_partSizeBelowS3Minimum_failsPermanentlyNamingTheSetting() {
    put(source, "p", bytes(10, 12));

    Response r = new BatchInvoker(COPY).invoke(Map.of("destinationPrefix", "p/", "partSize", "1MiB"), Task.of(source, "p"));

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).contains("partSize").contains("5 MiB");
  }

  @Test
  void copy_aclOtherThanBucketOwnerFullControl_isRefused() {
    put(source, "acl", bytes(10, 13));

    Response r = new BatchInvoker(COPY).invoke(Map.of("destinationPrefix", "p/", "acl", "public-read"), Task.of(source, "acl"));

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).contains("only bucket-owner-full-control");
    assertThat(keys(source)).containsExactly("acl");
  }

  @ParameterizedTest
  @ValueSource(ints = {29, 30})
  void copy_functionTimeoutNotAboveMargin_failsPermanentlyTellingToRaiseTheTimeout(int seconds) {
    put(source, "late", bytes(10, 14));
    BatchInvoker invoker = new BatchInvoker(COPY);

    Response r = invoker.invoke(Map.of("destinationPrefix", "p/"), List.of(Task.of(source, "late")),
        new dev.s3batch.handler.testing.TestLambdaContext(java.time.Duration.ofSeconds(seconds)));

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).startsWith("function timeout too short: ")
        .contains("the invocation started with " + seconds + " s and deadlineMargin keeps 30 s in reserve")
        .contains("no redrive will succeed")
        .contains("raise the function's timeout above 30 s").contains("or lower deadlineMargin")
        .doesNotContain("the redrive continues");
    assertThat(invoker.recorder().count("CopyObjectRequest")).isZero();
    assertThat(keys(source)).containsExactly("late");
  }

  @Test
  void copy_timeRunsLowDuringTheInvocation_answersTemporaryFailureForTheRedrive() {
    put(source, "first", bytes(10, 14));
    put(source, "second", bytes(10, 15));
    BatchInvoker invoker = new BatchInvoker(COPY);
    // 40 s at the start, over the 30 s margin; the first copy "takes" 15 s, leaving 25 s.
    var context = new dev.s3batch.handler.testing.TestLambdaContext(java.time.Duration.ofSeconds(40));
    invoker.recorder().after("CopyObjectRequest", req -> context.advance(java.time.Duration.ofSeconds(15)));

    Response r = invoker.invoke(Map.of("destinationPrefix", "p/"),
        List.of(Task.of(source, "first"), Task.of(source, "second")), context);

    assertThat(r.code(0)).as(r.message(0)).isEqualTo("Succeeded");
    assertThat(r.code(1)).isEqualTo("TemporaryFailure");
    assertThat(r.message(1)).startsWith("deadline near").contains("the redrive continues");
    assertThat(keys(source)).containsExactlyInAnyOrder("first", "second", "p/first");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"origKey\": \"photos/a.jpg\", \"newKey\": 5}|newKey|a number",
      "{\"origKey\": \"photos/a.jpg\", \"newKey\": [\"b.jpg\"]}|newKey|an array",
      "{\"origKey\": \"photos/a.jpg\", \"destinationBucket\": 7}|destinationBucket|a number"})
  void copy_jsonKeyFieldThatIsNoString_failsPermanentlyNamingItAndCopiesNothing(
      String key, String field, String kind) {
    put(source, "photos/a.jpg", bytes(10, 18));

    Response r = new BatchInvoker(COPY).invoke(Map.of("destinationPrefix", "photos/"),
        List.of(new Task(source, ManifestKeys.encode(key), null)), dev.s3batch.handler.testing.TestLambdaContext.ample());

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).isEqualTo("field \"" + field + "\" of the JSON key is " + kind + ", not a string; key " + key);
    assertThat(keys(source)).containsExactly("photos/a.jpg");
  }

  @Test
  void copy_s3CallSlowerThanTimeLeft_isCutAtTheDeadlineAndAnswersTemporaryFailure() {
    put(source, "slow", bytes(10, 15));
    BatchInvoker invoker = new BatchInvoker(COPY);
    invoker.recorder().whileSending("CopyObjectRequest", req -> {
      try {
        Thread.sleep(8_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long start = System.nanoTime();

    Response r = invoker.invoke(Map.of("destinationPrefix", "p/", "deadlineMargin", "2"), List.of(Task.of(source, "slow")),
        dev.s3batch.handler.testing.TestLambdaContext.realTime(java.time.Duration.ofMillis(3_500)));

    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.code()).isEqualTo("TemporaryFailure");
    assertThat(r.message()).startsWith("deadline near");
    assertThat(tookMillis).isLessThan(3_500);
  }

  @Test
  void copy_deadlineMarginNotANumber_failsPermanentlyNamingTheSetting() {
    put(source, "dm", bytes(10, 16));

    Response r = new BatchInvoker(COPY).invoke(Map.of("destinationPrefix", "p/", "deadlineMargin", "soon"), Task.of(source, "dm"));

    assertThat(r.code()).isEqualTo("PermanentFailure");
    assertThat(r.message()).contains("deadlineMargin").contains("\"soon\"");
    assertThat(keys(source)).containsExactly("dm");
  }

  @Test
  void copy_aclBucketOwnerFullControl_isSentAndTheCopyMade() {
    put(source, "owned", bytes(10, 17));
    BatchInvoker invoker = new BatchInvoker(COPY);
    List<Object> acls = new java.util.concurrent.CopyOnWriteArrayList<>();
    invoker.recorder().before("CopyObjectRequest",
        req -> acls.add(((software.amazon.awssdk.services.s3.model.CopyObjectRequest) req).aclAsString()));

    Response r = invoker.invoke(Map.of("destinationPrefix", "p/", "acl", "bucket-owner-full-control"), Task.of(source, "owned"));

    assertThat(r.code()).as(r.message()).isEqualTo("Succeeded");
    assertThat(acls).containsExactly("bucket-owner-full-control");
    assertThat(read(source, "p/owned")).isEqualTo(bytes(10, 17));
  }
}
