package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.tools.job.FakeS3Control;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --endpoint-url} and {@code --s3-endpoint-url}: http(s) only; the right one named when S3 is out of reach. */
class EndpointOptionTest {

  @Test
  void manifestBuild_ftpEndpoint_exit2NamingOptionAndWritesNothing(@TempDir Path dir) {
    CliRun run = JobCli.run("manifest", "build", "--list", "s3://photos/", "--endpoint-url", "ftp://127.0.0.1/",
        "--region", "us-east-1", "-o", dir.resolve("m.csv").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--endpoint-url \"ftp://127.0.0.1/\": only http:// and https:// endpoints");
    assertThat(dir.resolve("m.csv")).doesNotExist();
  }

  @Test
  void runLocal_ftpEndpoint_exit2NamingOption(@TempDir Path dir) throws Exception {
    Path manifest = java.nio.file.Files.writeString(dir.resolve("m.csv"), "photos,a.txt\n");
    CliRun run = JobCli.run("job", "run-local", "--manifest", manifest.toString(), "--action", "head",
        "--report", dir.resolve("r").toString(), "--endpoint-url", "ftp://127.0.0.1/", "--region", "us-east-1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--endpoint-url \"ftp://127.0.0.1/\": only http:// and https://");
    assertThat(dir.resolve("r")).doesNotExist();
  }

  @Test
  void jobSubmit_ftpS3Endpoint_exit2NamingOption() {
    CliRun run = JobCli.run("job", "submit", "--region", "us-east-1", "--function-arn", JobSubmitCommandTest.FUNCTION,
        "--role-arn", JobSubmitCommandTest.ROLE, "--manifest", "s3://photos/m.csv", "--no-report",
        "--s3-endpoint-url", "ftp://127.0.0.1/", "--dry-run");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--s3-endpoint-url \"ftp://127.0.0.1/\": only http:// and https://");
  }

  @Test
  void jobSubmit_ftpEndpointWithDryRunAndNoManifest_exit2NamingOption() {
    CliRun run = JobCli.run("job", "submit", "--region", "us-east-1", "--function-arn", JobSubmitCommandTest.FUNCTION,
        "--role-arn", JobSubmitCommandTest.ROLE, "--generate", "s3://photos/", "--no-report",
        "--endpoint-url", "ftp://127.0.0.1/", "--dry-run");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--endpoint-url \"ftp://127.0.0.1/\": only http:// and https://");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void jobSubmit_manifestUnreachable_namesS3EndpointOption() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = s.getLocalPort();
    }
    try (FakeS3Control control = new FakeS3Control()) {
      CliRun run = JobCli.run("job", "submit", "--region", "us-east-1", "--function-arn", JobSubmitCommandTest.FUNCTION,
          "--role-arn", JobSubmitCommandTest.ROLE, "--manifest", "s3://photos/m.csv", "--no-report",
          "--endpoint-url", control.endpoint().toString(), "--s3-endpoint-url", "http://127.0.0.1:" + closed);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).contains("cannot reach S3 at http://127.0.0.1:" + closed)
          .contains("--s3-endpoint-url").contains("--endpoint-url is S3 Control's");
      assertThat(control.requests()).isEmpty();
    }
  }
}
