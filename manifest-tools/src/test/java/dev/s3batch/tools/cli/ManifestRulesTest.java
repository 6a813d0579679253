package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.S3MockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code job run-local} reads a manifest by the rules {@code manifest upload} checks, with the same
 * messages, and refuses a bad row wherever it is before the first task: a {@code delete} job whose
 * last row is bad deletes nothing (issue 9, point 6).
 */
class ManifestRulesTest {

  private static final int GOOD_ROWS = 5;
  private static S3Client s3;
  private static String bucket;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    s3 = S3MockServer.get().client();
    bucket = S3MockServer.get().newBucket("rules");
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
  }

  @BeforeEach
  void objects() {
    for (int i = 0; i < GOOD_ROWS; i++) {
      int n = i;
      s3.putObject(b -> b.bucket(bucket).key("k" + n), RequestBody.fromString("x"));
    }
  }

  private static String goodRows() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < GOOD_ROWS; i++) {
      sb.append(bucket).append(",k").append(i).append('\n');
    }
    return sb.toString();
  }

  private static byte[] bytes(Object... parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      out.write(p instanceof byte[] b ? b : p.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /** A manifest, the line its fault is on, and the problem as both commands word it. */
  static Stream<Arguments> badManifests() throws IOException {
    int last = GOOD_ROWS + 1;
    return Stream.of(
        Arguments.of("byte-order mark", bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, goodRows()),
            "line 1: the file starts with a UTF-8 byte-order mark"),
        Arguments.of("header row", bytes("Bucket,Key\n", goodRows()), "line 1: \"Bucket,Key\" is a header row; a manifest has no header row"),
        Arguments.of("lower-case header row", bytes("bucket,key,versionId\n", goodRows().replace("\n", ",v1\n")),
            "line 1: \"bucket,key,versionId\" is a header row"),
        Arguments.of("not UTF-8 on the last row", bytes(goodRows(), bucket + ",caf", new byte[] {(byte) 0xE9}, "\n"),
            "line " + last + ": not valid UTF-8"),
        Arguments.of("bad bucket on the last row", bytes(goodRows(), "Photos_2024,k9\n"),
            "line " + last + ": \"Photos_2024\" is not a bucket name: only lowercase letters, digits, '.' and '-' are allowed"),
        Arguments.of("version id on the last row only", bytes(goodRows(), bucket + ",k9,v1\n"),
            "line " + last + ": 3 fields after rows of 2; a manifest has a version id on every row or on none"),
        Arguments.of("key field too long on the last row", bytes(goodRows(), bucket + "," + "%C3%A9".repeat(200) + "\n"),
            "line " + last + ": the key field has 1200 characters; it holds 1 to 1,024"));
  }

  private CliRun runLocal(String manifest) {
    return CliRun.of("job", "run-local", "--manifest", manifest, "--report", dir.resolve("reports").toString(),
        "--action", "delete", "--endpoint-url", S3MockServer.get().endpoint().toString(), "--region", "us-east-1",
        "--env", "AWS_ACCESS_KEY_ID=test", "--env", "AWS_SECRET_ACCESS_KEY=test");
  }

  private void assertUntouched() {
    List<String> keys = new ArrayList<>();
    s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> keys.add(o.key()));
    assertThat(keys).as("objects left").containsExactly("k0", "k1", "k2", "k3", "k4");
    assertThat(dir.resolve("reports")).as("a report").doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badManifests")
  void runLocal_badRowAnywhere_exit2NamingFileAndLineBeforeAnyTask(String fault, byte[] content, String problem)
      throws IOException {
    Path manifest = Files.write(dir.resolve("m.csv"), content);
    CliRun run = runLocal(manifest.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).startsWith("s3batch: --manifest " + manifest + " " + problem);
    assertUntouched();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badManifests")
  void upload_badRowAnywhere_sameMessageAsRunLocal(String fault, byte[] content, String problem) throws IOException {
    Path manifest = Files.write(dir.resolve("m.csv"), content);
    CliRun run = CliRun.of("manifest", "upload", manifest.toString(), "s3://" + bucket + "/uploaded.csv",
        "--endpoint-url", S3MockServer.get().endpoint().toString(), "--region", "us-east-1");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).startsWith("s3batch: " + manifest + " " + problem);
    assertUntouched();
  }

  @Test
  void runLocal_emptyManifest_exit2BeforeAnyTask() throws IOException {
    Path manifest = Files.writeString(dir.resolve("m.csv"), "\n\n");
    CliRun run = runLocal(manifest.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString())
        .isEqualTo("s3batch: --manifest " + manifest + ": no rows; a job cannot run an empty manifest" + System.lineSeparator());
    assertUntouched();
  }

  @Test
  void runLocal_s3ManifestWithoutKey_exit2NamingTheOption() {
    CliRun run = runLocal("s3://" + bucket);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).contains("--manifest s3://" + bucket + ": names no object; write s3://BUCKET/KEY");
    assertUntouched();
  }

  @Test
  void runLocal_goodManifestInS3_deletesEveryObject() {
    s3.putObject(b -> b.bucket(bucket).key("manifests/m.csv"), RequestBody.fromString(goodRows()));
    CliRun run = runLocal("s3://" + bucket + "/manifests/m.csv");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> keys = new ArrayList<>();
    s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> keys.add(o.key()));
    assertThat(keys).containsExactly("manifests/m.csv");
    s3.deleteObject(b -> b.bucket(bucket).key("manifests/m.csv"));
  }
}
