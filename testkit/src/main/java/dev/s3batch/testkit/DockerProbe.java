package dev.s3batch.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks that a Docker engine answers before LocalStack is started, so that the
 * {@code localstack} profile fails with one clear message instead of a stack of timeouts.
 */
public final class DockerProbe {

  /** The start of every failure message. */
  public static final String NEEDS_DOCKER = "the localstack profile needs a Docker engine: ";

  private static final long TIMEOUT_SECONDS = 30;

  private DockerProbe() {}

  /** Runs {@code docker info}; throws when no engine answers. */
  public static void requireDocker() {
    require(List.of("docker", "info", "--format", "{{.ServerVersion}}"));
  }

  /**
   * Runs the probe command; throws {@link IllegalStateException} with a message that starts with
   * {@link #NEEDS_DOCKER} when it cannot start, times out or exits non-zero.
   */
  static void require(List<String> command) {
    String shown = String.join(" ", command);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw failure("`" + shown + "` cannot run (" + e.getMessage() + "); is the Docker CLI installed?");
    }
    try (InputStream out = process.getInputStream()) {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw failure("`" + shown + "` did not answer within " + TIMEOUT_SECONDS + " s");
      }
      String output = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        throw failure("`" + shown + "` exited with " + process.exitValue()
            + (output.isEmpty() ? "" : ": " + lastLine(output)));
      }
    } catch (IOException e) {
      throw failure("`" + shown + "` failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted while waiting for `" + shown + "`");
    }
  }

  private static String lastLine(String output) {
    String[] lines = output.split("\\R");
    return lines[lines.length - 1].strip();
  }

  private static IllegalStateException failure(String what) {
    return new IllegalStateException(
        NEEDS_DOCKER + what + " (start Docker, or build without -Plocalstack: the default S3Mock runs in the JVM)");
  }
}
