package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A missing Region or missing credentials stop a command before it sends or writes anything.
 * Each run is a separate process with an environment of its own (the test JVM's has both).
 */
class AwsPreflightTest {

  static final Map<String, String> CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");

  final S3TestServer s3 = S3TestServer.get();
  final String endpoint = s3.endpoint().toString();

  @Test
  void invoke_noRegionWithLocalEndpoint_exit2AskingForRegion(@TempDir Path dir) throws Exception {
    String bucket = s3.newBucket("preflight");
    s3.client().putObject(b -> b.bucket(bucket).key("a.txt"), RequestBody.fromString("a"));

    CliRun run = CliProcess.run(dir, CREDENTIALS, "invoke", "--endpoint-url", endpoint, "--action", "head",
        "--bucket", bucket, "--key", "a.txt");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("s3batch: no Region: pass --region or set AWS_REGION")
        .doesNotContain("S3 answered an error").doesNotContain("Unable to load region");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void manifestBuild_noRegion_exit2AndWritesNothing(@TempDir Path dir) throws Exception {
    String bucket = s3.newBucket("preflight");
    s3.client().putObject(b -> b.bucket(bucket).key("a.txt"), RequestBody.fromString("a"));

    CliRun run = CliProcess.run(dir, CREDENTIALS, "manifest", "build", "--list", "s3://" + bucket + "/",
        "--endpoint-url", endpoint, "-o", "manifest.csv");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("no Region: pass --region or set AWS_REGION");
    assertThat(dir.resolve("manifest.csv")).doesNotExist();
  }

  @Test
  void manifestBuild_regionFromProfileFile_runs(@TempDir Path dir) throws Exception {
    String bucket = s3.newBucket("preflight");
    s3.client().putObject(b -> b.bucket(bucket).key("a.txt"), RequestBody.fromString("a"));
    Path aws = Files.createDirectories(dir.resolve("home/.aws"));
    Files.writeString(aws.resolve("config"), "[default]\nregion = us-east-1\n", StandardCharsets.UTF_8);

    CliRun run = CliProcess.run(dir, CREDENTIALS, "manifest", "build", "--list", "s3://" + bucket + "/",
        "--endpoint-url", endpoint, "-o", "manifest.csv");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readString(dir.resolve("manifest.csv"))).isEqualTo(bucket + ",a.txt\n");
  }

  @Test
  void runLocal_noCredentials_exit2BeforeFirstTaskAndWritesNoReport(@TempDir Path dir) throws Exception {
    String bucket = s3.newBucket("preflight");
    s3.client().putObject(b -> b.bucket(bucket).key("a.txt"), RequestBody.fromString("a"));
    Files.writeString(dir.resolve("m.csv"), bucket + ",a.txt\n", StandardCharsets.UTF_8);

    CliRun run = CliProcess.run(dir, Map.of("AWS_REGION", "us-east-1"), "job", "run-local", "--manifest", "m.csv",
        "--action", "delete", "--report", "reports", "--endpoint-url", endpoint);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE");
    assertThat(run.out()).doesNotContain("Complete");
    assertThat(dir.resolve("reports")).doesNotExist();
    assertThat(s3.client().headObject(b -> b.bucket(bucket).key("a.txt")).contentLength()).isEqualTo(1);
  }

  @Test
  void jobList_noCredentials_exit2(@TempDir Path dir) throws Exception {
    CliRun run = CliProcess.run(dir, Map.of(), "job", "list", "--account-id", "123456789012", "--region", "us-east-1",
        "--endpoint-url", "http://127.0.0.1:9/");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("no credentials:");
  }
}
