package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.e2e.RunLocalE2ETest.Run;
import dev.s3batch.testkit.S3MockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The function's configuration as the CLI hands it over: a mistyped variable stops the run before any task. */
class FunctionConfigurationE2ETest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static S3Client s3;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    s3 = S3MockServer.get().client();
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.region", "us-east-1");
  }

  private static Run cli(List<String> args) {
    return RunLocalE2ETest.cli(args.toArray(String[]::new));
  }

  /** A command line against S3Mock, the function's credentials set. */
  private static List<String> common(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint-url", S3MockServer.get().endpoint().toString(), "--region", "us-east-1",
        "--env", "AWS_ACCESS_KEY_ID=test", "--env", "AWS_SECRET_ACCESS_KEY=test"));
    return all;
  }

  private static List<String> keys(String bucket) {
    return s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
  }

  @Test
  void runLocal_moveWithMistypedDestinationBucketVariable_exits2NamingItAndMovesNothing() throws IOException {
    String source = S3MockServer.get().newBucket("typo-src");
    String destination = S3MockServer.get().newBucket("typo-dst");
    for (String k : List.of("photos/a.jpg", "photos/b.jpg", "photos/c.jpg")) {
      s3.putObject(b -> b.bucket(source).key(k), RequestBody.fromString(k));
    }
    Path manifest = Files.writeString(dir.resolve("m.csv"),
        source + ",photos/a.jpg\n" + source + ",photos/b.jpg\n" + source + ",photos/c.jpg\n");

    Run run = cli(common("job", "run-local", "--manifest", manifest.toString(), "--report", dir.resolve("reports").toString(),
        "--action", "move", "--env", "S3BATCH_DESTINATON_BUCKET=" + destination,
        "--env", "S3BATCH_DESTINATION_PREFIX=moved/"));

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown variable S3BATCH_DESTINATON_BUCKET: did you mean S3BATCH_DESTINATION_BUCKET?");
    assertThat(keys(source)).containsExactlyInAnyOrder("photos/a.jpg", "photos/b.jpg", "photos/c.jpg");
    assertThat(keys(destination)).isEmpty();
    assertThat(dir.resolve("reports")).doesNotExist();
  }

  @Test
  void invoke_mistypedVariable_exits2NamingItAndTheClosestName() {
    String bucket = S3MockServer.get().newBucket("typo-invoke");
    s3.putObject(b -> b.bucket(bucket).key("a.txt"), RequestBody.fromString("a"));

    Run run = cli(common("invoke", "--bucket", bucket, "--key", "a.txt", "--action", "delete",
        "--env", "S3BATCH_MISING_KEY=temporary"));

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).contains("unknown variable S3BATCH_MISING_KEY: did you mean S3BATCH_MISSING_KEY?");
    assertThat(run.out()).isEmpty();
    assertThat(keys(bucket)).containsExactly("a.txt");
  }

  @Test
  void invoke_userArgumentsNoSettingDeclares_arePassedOnAndTheTaskSucceeds() throws IOException {
    String bucket = S3MockServer.get().newBucket("args-invoke");
    s3.putObject(b -> b.bucket(bucket).key("photo.jpg"), RequestBody.fromString("jpeg"));

    Run run = cli(common("invoke", "--bucket", bucket, "--key", "photo.jpg", "--action", "head",
        "--arg", "width=640", "--arg", "k1=v1"));

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    JsonNode result = MAPPER.readTree(run.out()).get("results").get(0);
    assertThat(result.get("resultCode").asText()).isEqualTo("Succeeded");
    assertThat(result.get("resultString").asText()).startsWith("exists s3://" + bucket + "/photo.jpg ");
  }

  @Test
  void invoke_userArgumentThatIsANearMissOfASetting_exits3NamingTheSetting() throws IOException {
    String bucket = S3MockServer.get().newBucket("args-invoke");
    s3.putObject(b -> b.bucket(bucket).key("photo.jpg"), RequestBody.fromString("jpeg"));

    Run run = cli(common("invoke", "--bucket", bucket, "--key", "photo.jpg", "--action", "copy",
        "--arg", "destinatonBucket=elsewhere"));

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
    JsonNode result = MAPPER.readTree(run.out()).get("results").get(0);
    assertThat(result.get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(result.get("resultString").asText())
        .isEqualTo("unknown userArguments entry \"destinatonBucket\": did you mean \"destinationBucket\"?");
    assertThat(keys(bucket)).containsExactly("photo.jpg");
  }
}
