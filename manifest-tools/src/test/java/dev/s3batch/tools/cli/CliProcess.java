package dev.s3batch.tools.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code s3batch} as a separate process, as a user starts it, with an environment of the test's
 * choosing: only the variables given (and {@code HOME}, a folder without {@code .aws}), so what
 * the SDK finds in the test JVM's own environment does not leak in.
 */
final class CliProcess {

  private CliProcess() {}

  /** A new process builder for {@code s3batch args...}; stdout and stderr go to files in {@code dir}. */
  static ProcessBuilder builder(Path dir, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Path home = Files.createDirectories(dir.resolve("home"));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().put("HOME", home.toString());
    pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    return pb;
  }

  /** Runs {@code s3batch args...} to its end (at most two minutes). */
  static CliRun run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
    Process p = builder(dir, env, args).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("s3batch " + String.join(" ", args) + " did not end within 2 minutes");
    }
    return new CliRun(p.exitValue(), read(dir.resolve("out.txt")), read(dir.resolve("err.txt")));
  }

  static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
