package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.tools.cli.Main;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code s3batch lambda serve} started as a user starts it, in a JVM of its own, so a test can
 * measure it ({@code /proc}, its GC log) and stop its execution environments, which are its
 * child processes and nobody else's.
 *
 * @param process the service's JVM
 * @param endpoint the Invoke API it printed, {@code http://127.0.0.1:PORT}
 * @param output its standard output and error (the functions' lines, {@code [NAME] ...})
 */
record LambdaServeProcess(Process process, URI endpoint, Path output) implements AutoCloseable {

  private static final Pattern READY = Pattern.compile("Lambda service on (http://127\\.0\\.0\\.1:\\d+) ");

  /** Starts {@code lambda serve --port 0 ARGS} with {@code jvmOptions}; waits until it prints its endpoint. */
  static LambdaServeProcess start(List<String> jvmOptions, List<String> args, Path output) throws Exception {
    List<String> command = new ArrayList<>(List.of("lambda", "serve", "--port", "0"));
    command.addAll(args);
    Process process = CrashE2ETest.childJvm(jvmOptions, Main.class.getName(), command, output);
    AtomicReference<String> endpoint = new AtomicReference<>();
    CrashE2ETest.await("lambda serve ready", () -> {
      Matcher m = READY.matcher(CrashE2ETest.read(output));
      if (m.find()) {
        endpoint.set(m.group(1));
      }
      return endpoint.get() != null || !process.isAlive();
    });
    assertThat(endpoint.get()).as(CrashE2ETest.read(output)).isNotNull();
    return new LambdaServeProcess(process, URI.create(endpoint.get()), output);
  }

  /** Everything the service has printed so far. */
  String log() {
    return CrashE2ETest.read(output);
  }

  /** Its execution environments (child processes) that are running. */
  List<ProcessHandle> environments() {
    return process.descendants().filter(ProcessHandle::isAlive).toList();
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }
}
