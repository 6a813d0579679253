package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.S3MockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** {@code --upload} and {@code manifest upload}: the object lands, and the JSON has its real ETag. */
class ManifestUploadTest {

  private final S3Client s3 = S3MockServer.get().client();
  private final String endpoint = S3MockServer.get().endpoint().toString();

  @TempDir Path dir;

  private static String bare(String etag) {
    return etag.replace("\"", "");
  }

  @Test
  void buildUpload_unversionedBucket_printsCreateJobManifestJsonWithRealEtag() throws Exception {
    String bucket = S3MockServer.get().newBucket("upload");
    Path keys = Files.writeString(dir.resolve("keys.txt"), "a b.txt\nc+d.txt\n");

    CliRun run = CliRun.of("manifest", "build", "--keys", keys.toString(), "--bucket", bucket,
        "--upload", "s3://" + bucket + "/manifests/m.csv", "--endpoint-url", endpoint);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("manifests/m.csv"));
    assertThat(run.out()).isEqualTo(
        "{\"Spec\":{\"Format\":\"S3BatchOperations_CSV_20180820\",\"Fields\":[\"Bucket\",\"Key\"]},"
            + "\"Location\":{\"ObjectArn\":\"arn:aws:s3:::" + bucket + "/manifests/m.csv\","
            + "\"ETag\":\"" + bare(head.eTag()) + "\"}}" + System.lineSeparator());
    String body = s3.getObjectAsBytes(r -> r.bucket(bucket).key("manifests/m.csv")).asString(StandardCharsets.UTF_8);
    assertThat(body).isEqualTo(bucket + ",a%20b.txt\n" + bucket + ",c%2Bd.txt\n");
    assertThat(Files.list(dir)).containsExactly(keys);
  }

  @Test
  void upload_versionedManifestToVersionedBucket_listsVersionIdFieldAndObjectVersionId() throws Exception {
    String bucket = S3MockServer.get().newVersionedBucket("upload-v");
    Path manifest = Files.writeString(dir.resolve("m.csv"), bucket + ",a,v1\n" + bucket + ",b%20c,v2\n");

    CliRun run = CliRun.of("manifest", "upload", manifest.toString(), "s3://" + bucket + "/m.csv",
        "--endpoint-url", endpoint);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("m.csv"));
    assertThat(head.versionId()).isNotBlank();
    assertThat(run.out()).isEqualTo(
        "{\"Spec\":{\"Format\":\"S3BatchOperations_CSV_20180820\",\"Fields\":[\"Bucket\",\"Key\",\"VersionId\"]},"
            + "\"Location\":{\"ObjectArn\":\"arn:aws:s3:::" + bucket + "/m.csv\","
            + "\"ETag\":\"" + bare(head.eTag()) + "\",\"ObjectVersionId\":\"" + head.versionId() + "\"}}"
            + System.lineSeparator());
  }

  @Test
  void buildUpload_splitManifest_uploadsEachPartAndPrintsOneJsonLineEach() throws Exception {
    String bucket = S3MockServer.get().newBucket("upload-split");
    Path keys = Files.writeString(dir.resolve("keys.txt"), "k1\nk2\nk3\n");
    Path local = dir.resolve("out.csv");

    CliRun run = CliRun.of("manifest", "build", "--keys", keys.toString(), "--bucket", bucket, "--max-rows", "2",
        "-o", local.toString(), "--upload", "s3://" + bucket + "/jobs/m.csv", "--endpoint-url", endpoint);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String[] lines = run.out().split(System.lineSeparator());
    assertThat(lines).hasSize(2);
    for (int part = 1; part <= 2; part++) {
      String key = String.format("jobs/m-%05d.csv", part);
      String etag = bare(s3.headObject(r -> r.bucket(bucket).key(key)).eTag());
      assertThat(lines[part - 1]).contains("\"ObjectArn\":\"arn:aws:s3:::" + bucket + "/" + key + "\",\"ETag\":\"" + etag + "\"");
      String body = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
      assertThat(body).isEqualTo(Files.readString(dir.resolve(String.format("out-%05d.csv", part))));
    }
  }

  @Test
  void upload_missingBucket_failsWithExit1() throws Exception {
    Path manifest = Files.writeString(dir.resolve("m.csv"), "bkt,a\n");

    CliRun run = CliRun.of("manifest", "upload", manifest.toString(), "s3://no-such-upload-bucket/m.csv",
        "--endpoint-url", endpoint);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).startsWith("s3batch: S3 answered an error: ");
  }
}
