package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.S3TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.Bucket;

class S3ServeCommandTest {

  @Test
  void serve_portTakenBySilentSocket_exit2NamingPortBeforeReady() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      CliRun run = CliRun.of("s3", "serve", "--port", String.valueOf(port), "--bucket", "seeded");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("--port " + port + ": port " + port + " is in use");
      assertThat(run.out()).doesNotContain("S3 server on").doesNotContain("bucket seeded");
    }
  }

  @Test
  void serve_portOfAnotherS3Server_createsNoBucketThere() {
    S3TestServer other = S3TestServer.get();
    int port = other.endpoint().getPort();

    CliRun run = CliRun.of("s3", "serve", "--port", String.valueOf(port), "--bucket", "not-in-the-other-server");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("port " + port + " is in use");
    assertThat(run.out()).doesNotContain("S3 server on");
    assertThat(other.client().listBuckets().buckets()).extracting(Bucket::name)
        .doesNotContain("not-in-the-other-server");
  }

  @Test
  void serve_help_listsExitCodeOfPortInUse() {
    CliRun run = CliRun.of("s3", "serve", "--help");

    assertThat(run.out().replaceAll("\\s+", " ")).contains("Exit code 2 when --port is in use");
  }

  @Test
  void serve_killedWithSigkill_childServerStopsAndPortFrees(@TempDir Path dir) throws Exception {
    Process serve = CliProcess.builder(dir, Map.of(), "s3", "serve", "--port", "0").start();
    try {
      int port = awaitReadyPort(dir.resolve("out.txt"), serve);
      List<ProcessHandle> children = serve.toHandle().children().toList();
      assertThat(children).as("the S3 child JVM").hasSize(1);
      ProcessHandle child = children.get(0);
      assertThat(bindable(port)).as("port %d held by the server", port).isFalse();

      serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      assertThat(child.onExit().get(20, TimeUnit.SECONDS).isAlive()).as("child alive").isFalse();
      assertThat(awaitBindable(port, Duration.ofSeconds(10))).as("port %d free again", port).isTrue();
    } finally {
      serve.destroyForcibly();
      serve.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static int awaitReadyPort(Path out, Process serve) throws Exception {
    Pattern ready = Pattern.compile("S3 server on http://127\\.0\\.0\\.1:(\\d+) ");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      Matcher m = ready.matcher(CliProcess.read(out));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      assertThat(serve.isAlive()).as("s3 serve still running; stderr: %s", CliProcess.read(out.resolveSibling("err.txt")))
          .isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("s3 serve printed no ready line within 2 minutes");
  }

  private static boolean awaitBindable(int port, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (bindable(port)) {
        return true;
      }
      Thread.sleep(200);
    }
    return bindable(port);
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
