package dev.s3batch.e2e;

import static dev.s3batch.e2e.RunLocalE2ETest.cli;
import static dev.s3batch.e2e.RunLocalE2ETest.common;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.e2e.RunLocalE2ETest.Run;
import dev.s3batch.testkit.S3MockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The function's configuration as the CLI hands it over: a mistyped variable stops the run before any task. */
class FunctionConfigurationE2ETest {

  private static S3Client s3;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    s3 = S3MockServer.get().client();
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.region", "us-east-1");
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
        "--env", "S3BATCH_DESTINATION_PREFIX=moved/").toArray(String[]::new));

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
        "--env", "S3BATCH_MISING_KEY=temporary").toArray(String[]::new));

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).contains("unknown variable S3BATCH_MISING_KEY: did you mean S3BATCH_MISSING_KEY?");
    assertThat(run.out()).isEmpty();
    assertThat(keys(bucket)).containsExactly("a.txt");
  }
}
