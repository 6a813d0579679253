package dev.s3batch.tools.cli;

import static dev.s3batch.tools.cli.ManifestBuildCommandTest.files;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.testkit.S3MockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code manifest build --skip-invalid FILE}: a valid key whose encoded field is over 1,024
 * characters still stops the build by default, but with the option it goes to FILE with its reason
 * and the rest is built (exit 3); {@code --list} asks for URL-encoded keys, so keys with control
 * characters list (issue 9, point 7).
 */
class SkipInvalidTest {

  /** 1,000 bytes of UTF-8 (500 x U+00E9): a valid S3 key, 3,000 characters URL-encoded. */
  private static final String LONG = "\u00e9".repeat(500);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static S3Client s3;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    s3 = S3MockServer.get().client();
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
  }

  private Path keys(String... keys) throws IOException {
    return Files.writeString(dir.resolve("keys.txt"), String.join("\n", keys) + "\n", StandardCharsets.UTF_8);
  }

  private List<JsonNode> skipped(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (IOException e) {
        throw new IllegalStateException(l, e);
      }
    }).toList();
  }

  @Test
  void buildKeys_keyOver1024EncodedCharacters_stillExit2WithoutTheOption() throws IOException {
    Path in = keys("a.txt", LONG, "b.txt");
    Path out = dir.resolve("out");
    Files.createDirectory(out);
    CliRun run = CliRun.of("manifest", "build", "--keys", in.toString(), "--bucket", "photos", "-o", out.resolve("m.csv").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(in + " line 2: key \"").contains("is 3000 characters URL-encoded");
    assertThat(files(out)).isEmpty();
  }

  @Test
  void buildKeys_skipInvalid_writesTheRestAndTheRefusedKeyWithItsReasonExit3() throws IOException {
    String control = "\u001b[31mred\u0001\u007f\u202e" + LONG;
    Path in = keys("a.txt", LONG, "b c.txt", control);
    Path manifest = dir.resolve("m.csv");
    Path skip = dir.resolve("skipped.jsonl");
    CliRun run = CliRun.of("manifest", "build", "--keys", in.toString(), "--bucket", "photos", "-o", manifest.toString(),
        "--skip-invalid", skip.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TASKS_FAILED);
    assertThat(Files.readString(manifest)).isEqualTo("photos,a.txt\nphotos,b%20c.txt\n");
    assertThat(run.err()).contains("wrote 2 rows to " + manifest).contains("2 keys skipped, see " + skip);
    String text = Files.readString(skip, StandardCharsets.UTF_8);
    assertThat(text).as("control characters escaped").doesNotContain("\u001b", "\u0001", "\u007f", "\u202e").contains("\\u001B[31mred\\u0001\\u007F\\u202E");
    List<JsonNode> rows = skipped(skip);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("bucket").asText()).isEqualTo("photos");
    assertThat(rows.get(0).get("key").asText()).isEqualTo(LONG);
    assertThat(rows.get(0).get("reason").asText()).contains("is 3000 characters URL-encoded; a manifest's key field holds at most 1,024");
    assertThat(rows.get(1).get("key").asText()).isEqualTo(control);
    assertThat(files(dir)).containsExactlyInAnyOrder("keys.txt", "m.csv", "skipped.jsonl");
  }

  @Test
  void buildKeys_skipInvalidWithNothingToSkip_exit0AndAnEmptyFile() throws IOException {
    Path in = keys("a.txt");
    Path skip = dir.resolve("skipped.jsonl");
    CliRun run = CliRun.of("manifest", "build", "--keys", in.toString(), "--bucket", "photos", "-o",
        dir.resolve("m.csv").toString(), "--skip-invalid", skip.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(skip).isEmptyFile();
  }

  @Test
  void buildKeys_skipInvalidInMissingFolder_exit2BeforeWriting() throws IOException {
    Path in = keys("a.txt");
    CliRun run = CliRun.of("manifest", "build", "--keys", in.toString(), "--bucket", "photos", "-o",
        dir.resolve("m.csv").toString(), "--skip-invalid", dir.resolve("no/such/skipped.jsonl").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--skip-invalid ");
    assertThat(files(dir)).containsExactly("keys.txt");
  }

  @Test
  void buildList_keysWithControlCharactersAndOneTooLong_listsThemAndSkipsTheLongOne() throws IOException {
    String bucket = S3MockServer.get().newBucket("skip-list");
    List<String> keys = List.of("ctl/a\u0001b.txt", "ctl/plain+1 2.txt", "ctl/" + LONG, "ctl/z\u001f.txt");
    for (String k : keys) {
      s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString("x"));
    }
    Path manifest = dir.resolve("m.csv");
    Path skip = dir.resolve("skipped.jsonl");
    CliRun run = CliRun.of("manifest", "build", "--list", "s3://" + bucket + "/ctl/", "-o", manifest.toString(),
        "--skip-invalid", skip.toString(), "--endpoint-url", S3MockServer.get().endpoint().toString(), "--region", "us-east-1");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TASKS_FAILED);
    assertThat(Files.readAllLines(manifest)).containsExactly(
        bucket + ",ctl/a%01b.txt", bucket + ",ctl/plain%2B1%202.txt", bucket + ",ctl/z%1F.txt");
    List<JsonNode> rows = skipped(skip);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("key").asText()).isEqualTo("ctl/" + LONG);
    assertThat(run.err()).contains("1 key skipped, see " + skip);
  }

  @Test
  void buildListVersions_keyWithControlCharacter_listsWithItsVersionId() throws IOException {
    String bucket = S3MockServer.get().newVersionedBucket("skip-versions");
    String version = s3.putObject(b -> b.bucket(bucket).key("v/a\u0001 b+c.txt"), RequestBody.fromString("x")).versionId();
    Path manifest = dir.resolve("m.csv");
    CliRun run = CliRun.of("manifest", "build", "--list", "s3://" + bucket + "/v/", "--versions", "latest", "-o",
        manifest.toString(), "--endpoint-url", S3MockServer.get().endpoint().toString(), "--region", "us-east-1");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readAllLines(manifest)).containsExactly(bucket + ",v/a%01%20b%2Bc.txt," + version);
  }
}
