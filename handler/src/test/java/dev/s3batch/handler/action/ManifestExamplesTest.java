package dev.s3batch.handler.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.response.TaskResult;
import dev.s3batch.handler.testing.Invoke;
import dev.s3batch.testkit.S3MockServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The example manifest rows of README.md's "Object actions" section (kept in src/test/resources/manifests),
 * run through the handler as S3 Batch Operations would send them, against a test bucket.
 */
class ManifestExamplesTest {

  private final S3Client s3 = S3MockServer.get().client();

  /** Every task of the manifest, with its bucket replaced by {@code bucket}. */
  private static Invoke tasks(Invoke invoke, String manifest, String bucket) throws IOException {
    try (InputStream in = ManifestExamplesTest.class.getResourceAsStream("/manifests/" + manifest)) {
      for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] fields = row.split(",", -1);
        assertThat(fields[0]).isEqualTo("amzn-s3-demo-bucket");
        invoke.onEncoded(bucket, fields[1], fields.length > 2 ? fields[2] : null);
      }
    }
    return invoke;
  }

  private String bucketWith(String... keys) {
    String bucket = S3MockServer.get().newBucket("examples");
    for (String key : keys) {
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("abc"));
    }
    return bucket;
  }

  private static void allSucceeded(List<TaskResult> results, int count) {
    assertThat(results).hasSize(count).allSatisfy(r -> assertThat(r.resultCode()).as(r.resultString())
        .isEqualTo(ResultCode.Succeeded));
  }

  @Test
  void deleteManifest_rows_deleteTheObjects() throws IOException {
    String bucket = bucketWith("logs/2024/app log.txt", "reports/q1 summary.csv", "keep.txt");

    allSucceeded(tasks(Invoke.action("delete"), "delete.csv", bucket).run(s3).results(), 2);

    assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(o -> o.key()).containsExactly("keep.txt");
  }

  @Test
  void reviseManifest_rows_reviseAndDelete() throws IOException {
    String bucket = bucketWith("poems/stanza 1.txt", "poems/stanza 2.txt");

    allSucceeded(tasks(Invoke.action("revise").env("S3BATCH_KEY_FORMAT", "pipe"), "revise.csv", bucket)
        .run(s3).results(), 2);

    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("poems/stanza 1.txt")).asUtf8String()).isEqualTo("ABC");
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).hasSize(1);
  }

  @Test
  void tagManifest_jsonAndPlainRows_tagFromKeyOrSetting() throws IOException {
    String bucket = bucketWith("photos/cat.jpg", "photos/dog.jpg");

    allSucceeded(tasks(Invoke.action("tag").userArgument("tags", "project=demo"), "tag.csv", bucket)
        .run(s3).results(), 2);

    assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("photos/cat.jpg")).tagSet()).hasSize(2);
    assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("photos/dog.jpg")).tagSet())
        .singleElement().satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("project=demo"));
  }

  @Test
  void checksumManifest_rows_verifyAndReport() throws IOException {
    String bucket = bucketWith("backups/db.dump", "backups/other.dump");

    List<TaskResult> results = tasks(Invoke.action("checksum"), "checksum.csv", bucket).run(s3).results();

    allSucceeded(results, 3);
    assertThat(results.get(0).resultString()).startsWith("verified sha256=");
    assertThat(results.get(1).resultString()).startsWith("verified sha256=");
    assertThat(results.get(2).resultString()).startsWith("sha256=");
  }
}
