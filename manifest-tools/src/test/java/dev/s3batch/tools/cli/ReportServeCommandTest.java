package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report serve}'s refusals: each before anything is read or served. */
class ReportServeCommandTest {

  @TempDir Path dir;

  @Test
  void serve_portInUse_exit2NamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CliRun run = CliRun.of("report", "serve", dir.toString(), "--port", String.valueOf(taken.getLocalPort()));

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("--port " + taken.getLocalPort()).contains("--port 0");
    }
  }

  @Test
  void serve_noReportThere_exit2SayingSo() {
    CliRun run = CliRun.of("report", "serve", dir.resolve("nothing").toString(), "--port", "0");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("manifest.json").contains("no such file");
  }

  @Test
  void serve_portOutOfRange_exit2() {
    CliRun run = CliRun.of("report", "serve", dir.toString(), "--port", "70000");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--port 70000 is not a TCP port");
  }
}
