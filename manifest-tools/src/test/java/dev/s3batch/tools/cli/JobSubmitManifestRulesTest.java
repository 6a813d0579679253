package dev.s3batch.tools.cli;

import static dev.s3batch.tools.cli.JobSubmitCommandTest.FUNCTION;
import static dev.s3batch.tools.cli.JobSubmitCommandTest.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.job.FakeS3Control;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code job submit} reads a CSV manifest's first line to find its columns; that line is checked by
 * the rules {@code run-local} and {@code manifest upload} read by, with their messages, and a bad
 * one sends no CreateJob (issue 9, point 6).
 */
class JobSubmitManifestRulesTest {

  FakeS3Control control;
  String bucket;

  @BeforeEach
  void start() throws Exception {
    control = new FakeS3Control();
    bucket = S3MockServer.get().newBucket("submit-rules");
  }

  @AfterEach
  void stop() {
    control.close();
  }

  static Stream<Arguments> badFirstLines() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    return Stream.of(
        Arguments.of("byte-order mark", concat(bom, "photos,a.txt\n".getBytes(StandardCharsets.UTF_8)),
            "line 1: the file starts with a UTF-8 byte-order mark"),
        Arguments.of("header row", "Bucket,Key\nphotos,a.txt\n".getBytes(StandardCharsets.UTF_8),
            "line 1: \"Bucket,Key\" is a header row; a manifest has no header row"),
        Arguments.of("bad bucket", "Photos,a.txt\n".getBytes(StandardCharsets.UTF_8),
            "line 1: \"Photos\" is not a bucket name: only lowercase letters, digits, '.' and '-' are allowed (a manifest has no header row)"),
        Arguments.of("not UTF-8", concat("photos,caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9, '\n'}),
            "line 1: not valid UTF-8"));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFirstLines")
  void submit_badFirstLine_exit2WithTheManifestRulesMessageAndSendsNothing(String fault, byte[] content, String problem) {
    S3MockServer.get().client().putObject(p -> p.bucket(bucket).key("m.csv"), RequestBody.fromBytes(content));
    CliRun run = JobCli.run(JobCli.args(List.of("job", "submit", "--region", "us-east-1",
            "--endpoint-url", control.endpoint().toString(), "--s3-endpoint-url", S3MockServer.get().endpoint().toString()),
        "--function-arn", FUNCTION, "--role-arn", ROLE, "--manifest", "s3://" + bucket + "/m.csv", "--no-report"));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).startsWith("s3batch: --manifest s3://" + bucket + "/m.csv " + problem);
    assertThat(control.requests()).isEmpty();
  }
}
