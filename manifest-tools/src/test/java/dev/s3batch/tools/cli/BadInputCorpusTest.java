package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.tools.cli.BadInputCorpus.Case;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@link BadInputCorpus}, run as a user types it: the exit code and the message the
 * row names (on stderr, or as a task's resultString in the response on stdout), and nothing
 * written or sent: the case's folder holds exactly the files it started
 * with, and the local endpoint every S3 option points at saw no connection.
 */
class BadInputCorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ServerSocket endpoint;
  private static final AtomicInteger CONNECTIONS = new AtomicInteger();

  @TempDir Path dir;

  @BeforeAll
  static void listen() throws IOException {
    endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!endpoint.isClosed()) {
        try (Socket s = endpoint.accept()) {
          CONNECTIONS.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    }, "corpus-endpoint");
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void close() throws IOException {
    endpoint.close();
  }

  static Stream<Case> cases() {
    return BadInputCorpus.all().stream();
  }

  @Test
  void corpus_hasAtLeast150CasesAcrossEveryArea() {
    List<Case> all = BadInputCorpus.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(150);
    assertThat(all.stream().map(Case::area).distinct()).containsExactlyInAnyOrder(
        "CLI arguments", "events", "keys", "manifests (CSV)", "manifests (inventory)", "manifests (JSON lines)", "reports");
    assertThat(all.stream().map(Case::toString).distinct()).as("case names").hasSameSizeAs(all);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void run_badInput_givesItsExitCodeAndMessageAndWritesAndSendsNothing(Case c) throws IOException {
    for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
      Path file = dir.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, f.getValue());
    }
    List<Path> before = files(dir);
    int connections = CONNECTIONS.get();

    CliRun run = CliRun.of(c.args().stream().map(this::fill).toArray(String[]::new));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(c.exit());
    assertThat(shown(run)).as(run.toString()).contains(fill(c.message()));
    assertThat(files(dir)).as("files in the case's folder afterwards").containsExactlyElementsOf(before);
    assertThat(CONNECTIONS.get() - connections).as("connections to the S3 endpoint").isZero();
  }

  /** What a user reads: stderr, and each task's resultString when stdout is a function's response. */
  private static String shown(CliRun run) throws IOException {
    StringBuilder text = new StringBuilder(run.err()).append('\n');
    if (run.out().strip().startsWith("{")) {
      for (JsonNode result : JSON.readTree(run.out()).path("results")) {
        text.append(result.path("resultString").asText()).append('\n');
      }
    } else {
      text.append(run.out());
    }
    return text.toString();
  }

  private String fill(String text) {
    return text.replace("{dir}", dir.toString())
        .replace("{endpoint}", "http://127.0.0.1:" + endpoint.getLocalPort());
  }

  static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
