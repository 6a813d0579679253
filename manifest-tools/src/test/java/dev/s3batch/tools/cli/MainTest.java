package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Main#run}: builds only the commands a command line names, and says the same as the whole tree. */
class MainTest {

  @Test
  void run_topLevelHelp_sameTextAsTheWholeCommandLine() {
    CliRun lazy = CliRun.of("--help");

    assertThat(lazy.exitCode()).isZero();
    assertThat(lazy.out()).isEqualTo(whole("--help")).contains("  manifest").contains("  job");
  }

  @Test
  void run_mistypedCommand_sameErrorAsTheWholeCommandLine() {
    CliRun lazy = CliRun.of("manifset", "build");

    assertThat(lazy.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(lazy.err()).isEqualTo(wholeErr("manifset", "build"));
  }

  @Test
  void run_helpOfNoSuchCommand_listsEveryCommand() {
    CliRun lazy = CliRun.of("help", "nosuch");

    assertThat(lazy.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(lazy.err()).isEqualTo(wholeErr("help", "nosuch")).contains("manifest").contains("report");
  }

  @Test
  void run_argumentFileNamingACommand_runsThatCommand(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("keys.txt"), "a b.jpg\n");
    Path args = dir.resolve("args.txt");
    Files.writeString(args, "manifest build --keys " + dir.resolve("keys.txt") + " --bucket my-bucket -q\n");

    CliRun run = CliRun.of("@" + args);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("my-bucket,a%20b.jpg\n");
  }

  private static String whole(String... args) {
    StringWriter out = new StringWriter();
    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(new StringWriter(), true)) {
      Main.commandLine(o, e).execute(args);
    }
    return out.toString();
  }

  private static String wholeErr(String... args) {
    StringWriter err = new StringWriter();
    try (PrintWriter o = new PrintWriter(new StringWriter(), true); PrintWriter e = new PrintWriter(err, true)) {
      Main.commandLine(o, e).execute(args);
    }
    return err.toString();
  }
}
