package dev.s3batch.tools.cli;

import static dev.s3batch.tools.cli.ReportReviewCommandTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.tools.cli.ReportReviewCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors of {@code job run-local}; runs against S3 are in the root RunLocalE2ETest. */
class RunLocalCommandTest {

  @Test
  void runLocal_badSchemaOrArguments_exit2WithMessage(@TempDir Path dir) throws IOException {
    Path manifest = Files.writeString(dir.resolve("m.csv"), "b,k\n");
    Run schema = cli("job", "run-local", "--manifest", manifest.toString(), "--report", dir.toString(),
        "--action", "head", "--schema", "3.0");
    assertThat(schema.exit()).isEqualTo(2);
    assertThat(schema.err()).contains("--schema \"3.0\" is not 1.0 or 2.0");
    Run args = cli("job", "run-local", "--manifest", manifest.toString(), "--report", dir.toString(),
        "--action", "head", "--schema", "1.0", "--arg", "k=v");
    assertThat(args.exit()).isEqualTo(2);
    assertThat(args.err()).contains("user arguments need schema 2.0");
    Run timeout = cli("job", "run-local", "--manifest", manifest.toString(), "--report", dir.toString(),
        "--action", "head", "--timeout", "901");
    assertThat(timeout.exit()).isEqualTo(2);
    assertThat(timeout.err()).contains("at most 900 seconds");
  }

  @Test
  void runLocal_unknownAction_exit2ListingKnownOnes(@TempDir Path dir) throws IOException {
    Path manifest = Files.writeString(dir.resolve("m.csv"), "b,k\n");
    Run run = cli("job", "run-local", "--manifest", manifest.toString(), "--report", dir.resolve("out").toString(),
        "--action", "frobnicate");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--action frobnicate: no such action (known: [").contains("head");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void runLocal_help_listsOptionsAndExitCodes() {
    Run run = cli("job", "run-local", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("--manifest", "--report-scope", "--max-attempts", "Exit codes");
  }
}
