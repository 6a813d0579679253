package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3batch.testkit.S3MockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;

/** Two answers to one setting (an option and an --env variable, or --arg action=) are refused before anything runs. */
class FunctionOptionsTest {

  private static final List<String> KEYS = List.of("a.txt", "b.txt", "c.txt");

  @TempDir Path dir;
  private S3MockServer s3;
  private String bucket;
  private Path manifest;

  @BeforeEach
  void setUp() throws IOException {
    s3 = S3MockServer.get();
    bucket = s3.newBucket("conflict");
    StringBuilder rows = new StringBuilder();
    for (String k : KEYS) {
      s3.client().putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString("keep me"));
      rows.append(bucket).append(',').append(k).append('\n');
    }
    manifest = Files.writeString(dir.resolve("manifest.csv"), rows);
  }

  private CliRun runLocal(String... more) {
    List<String> args = new ArrayList<>(List.of("job", "run-local", "--manifest", manifest.toString(),
        "--report", dir.resolve("reports").toString(), "--endpoint-url", s3.endpoint().toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private List<String> objects() {
    return s3.client().listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(o -> o.key()).toList();
  }

  @Test
  void runLocal_actionAndEnvActionDisagree_exit2NamingBothAndDeletesNothing() {
    for (List<String> order : List.of(
        List.of("--action", "head", "--env", "S3BATCH_ACTION=delete"),
        List.of("--env", "S3BATCH_ACTION=delete", "--action", "head"))) {
      CliRun run = runLocal(order.toArray(String[]::new));

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("--action head and --env S3BATCH_ACTION=delete disagree");
      assertThat(run.out()).isEmpty();
      assertThat(objects()).containsExactlyInAnyOrderElementsOf(KEYS);
      assertThat(dir.resolve("reports")).doesNotExist();
    }
  }

  @Test
  void runLocal_actionAndArgActionDisagree_exit2AndDeletesNothing() {
    CliRun run = runLocal("--action", "head", "--arg", "action=delete");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--action head and --arg action=delete disagree");
    assertThat(objects()).containsExactlyInAnyOrderElementsOf(KEYS);

    CliRun env = runLocal("--env", "S3BATCH_ACTION=head", "--arg", "action=delete");
    assertThat(env.exitCode()).as(env.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(env.err()).contains("--env S3BATCH_ACTION=head and --arg action=delete disagree");
    assertThat(objects()).containsExactlyInAnyOrderElementsOf(KEYS);
  }

  @Test
  void runLocal_awsOptionsAndEnvDisagree_exit2NamingBoth() {
    assertThat(runLocal("--action", "delete", "--region", "us-east-1", "--env", "AWS_REGION=eu-west-1").err())
        .contains("--region us-east-1 and --env AWS_REGION=eu-west-1 disagree");
    assertThat(runLocal("--action", "delete", "--region", "us-east-1", "--env", "AWS_DEFAULT_REGION=eu-west-1").err())
        .contains("--region us-east-1 and --env AWS_DEFAULT_REGION=eu-west-1 disagree");
    assertThat(runLocal("--action", "delete", "--env", "AWS_ENDPOINT_URL_S3=http://127.0.0.1:1").err())
        .contains("--endpoint-url " + s3.endpoint() + " and --env AWS_ENDPOINT_URL_S3=http://127.0.0.1:1 disagree");
    assertThat(runLocal("--action", "delete", "--env", "AWS_ENDPOINT_URL=http://127.0.0.1:1").err())
        .contains("--env AWS_ENDPOINT_URL=http://127.0.0.1:1 disagree");
    CliRun profile = runLocal("--action", "delete", "--profile", "one", "--env", "AWS_PROFILE=two");
    assertThat(profile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(profile.err()).contains("--profile one and --env AWS_PROFILE=two disagree");
    assertThat(objects()).containsExactlyInAnyOrderElementsOf(KEYS);
  }

  @Test
  void runLocal_sameValueTwice_runs() {
    CliRun run = runLocal("--action", "head", "--env", "S3BATCH_ACTION=head", "--arg", "action=head",
        "--env", "AWS_ENDPOINT_URL=" + s3.endpoint() + "/", "--region", "us-east-1", "--env", "AWS_REGION=us-east-1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("3 succeeded");
    assertThat(objects()).containsExactlyInAnyOrderElementsOf(KEYS);
  }

  @Test
  void invoke_actionAndEnvActionDisagree_exit2AndDeletesNothing() {
    for (List<String> order : List.of(
        List.of("--action", "head", "--env", "S3BATCH_ACTION=delete"),
        List.of("--env", "S3BATCH_ACTION=delete", "--action", "head"))) {
      List<String> args = new ArrayList<>(List.of("invoke", "--bucket", bucket, "--key", "a.txt",
          "--endpoint-url", s3.endpoint().toString()));
      args.addAll(order);
      CliRun run = CliRun.of(args.toArray(String[]::new));

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("--action head and --env S3BATCH_ACTION=delete disagree");
      assertThat(objects()).containsExactlyInAnyOrderElementsOf(KEYS);
    }
  }

  @Test
  void invoke_actionAndArgActionDisagree_exit2() {
    CliRun run = CliRun.of("invoke", "--bucket", bucket, "--key", "a.txt", "--endpoint-url", s3.endpoint().toString(),
        "--action", "head", "--arg", "action=delete");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--action head and --arg action=delete disagree");
    assertThat(objects()).containsExactlyInAnyOrderElementsOf(KEYS);
  }

  @Test
  void timeout_outsideLambdasOneTo900Seconds_exit2NamingItAndDeletesNothing() {
    for (String timeout : List.of("0", "-5", "901")) {
      CliRun run = runLocal("--action", "delete", "--timeout", timeout);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("--timeout " + timeout + ": the timeout must be above 0 and at most 900 seconds (Lambda's limit)");
      assertThat(dir.resolve("reports")).doesNotExist();

      CliRun invoke = CliRun.of("invoke", "--bucket", bucket, "--key", "a.txt", "--endpoint-url",
          s3.endpoint().toString(), "--action", "delete", "--timeout", timeout);
      assertThat(invoke.exitCode()).as(invoke.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(invoke.err()).contains("--timeout " + timeout + ": the timeout must be above 0 and at most 900 seconds (Lambda's limit)");
      assertThat(objects()).containsExactlyInAnyOrderElementsOf(KEYS);
    }
  }

  @Test
  void runLocal_progressEveryNegativeOrNotANumber_exit2NamingItAndDeletesNothing() {
    for (String every : List.of("-1", "NaN", "Infinity")) {
      CliRun run = runLocal("--action", "delete", "--progress-every", every);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("--progress-every ").contains(": give a number of seconds, or 0 for none");
      assertThat(dir.resolve("reports")).doesNotExist();
      assertThat(objects()).containsExactlyInAnyOrderElementsOf(KEYS);
    }
  }

  @CommandLine.Command
  static final class Options {
    @CommandLine.Mixin FunctionOptions function;
    @CommandLine.Mixin AwsOptions aws;
  }

  @Test
  void environment_inheritedVariables_giveWayToExplicitOptions() {
    Options o = new Options();
    new CommandLine(o).parseArgs("--action", "head", "--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:9", "--profile", "p");
    Map<String, String> inherited = Map.of("S3BATCH_ACTION", "delete", "AWS_REGION", "us-east-1",
        "AWS_DEFAULT_REGION", "us-east-2", "AWS_ENDPOINT_URL_S3", "http://elsewhere", "AWS_PROFILE", "prod",
        "OTHER", "kept");

    Map<String, String> env = o.function.environment(o.aws, Map.of(), inherited);

    assertThat(env).containsEntry("S3BATCH_ACTION", "head").containsEntry("AWS_REGION", "eu-west-1")
        .containsEntry("AWS_DEFAULT_REGION", "eu-west-1").containsEntry("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9")
        .containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:9").containsEntry("AWS_PROFILE", "p")
        .containsEntry("OTHER", "kept");
  }

  @Test
  void environment_envWithoutOption_isPassedAsGiven() {
    Options o = new Options();
    new CommandLine(o).parseArgs("--env", "S3BATCH_ACTION=delete", "--env", "AWS_REGION=eu-west-1");

    assertThat(o.function.environment(o.aws, Map.of(), Map.of("S3BATCH_ACTION", "head")))
        .containsEntry("S3BATCH_ACTION", "delete").containsEntry("AWS_REGION", "eu-west-1");
    assertThatThrownBy(() -> o.function.environment(o.aws, Map.of("action", "head"), Map.of()))
        .isInstanceOf(CliException.class).hasMessageContaining("--env S3BATCH_ACTION=delete and --arg action=head");
  }
}
