package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./s3batch demo}, the README's first command, run as a user runs it: a separate process. */
class DemoE2ETest {

  @Test
  void demo_freshOutputFolder_runsThreeJobsReviewsReportsAndExitsZero(@TempDir Path out) throws Exception {
    Path log = out.resolve("demo.log");
    Process demo =
        new ProcessBuilder("bash", "./s3batch", "demo", "--out", out.resolve("runs").toString())
            .directory(Path.of("").toAbsolutePath().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = demo.waitFor(5, TimeUnit.MINUTES);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (!ended) {
      demo.destroyForcibly();
    }

    assertThat(ended).as("demo ended within 5 minutes:%n%s", output).isTrue();
    assertThat(demo.exitValue()).as(output).isZero();
    assertThat(output)
        .containsPattern("(?m)^Starting the local S3 server \\(S3Mock\\) on 127\\.0\\.0\\.1:\\d+ \\.\\.\\.")
        .contains("S3 server on http://127.0.0.1:")
        .contains("$ s3batch job run-local --manifest s3://demo-manifests/renames.csv --action copy")
        .contains("Complete: 7 tasks, 6 succeeded, 1 failed")
        .contains("s3://demo-photos/summer/pier, dusk.jpg is back")
        .contains("  s3://demo-archive/2024/ファイル/日本語 ノート.txt")
        .containsPattern("\\$ s3batch job run-local --manifest \\S+archive.csv --function s3batch --lambda-endpoint-url"
            + " http://127\\.0\\.0\\.1:\\d+ ")
        .contains("Complete: 7 tasks, 7 succeeded, 0 failed")
        .contains("START RequestId: ")
        .contains("Demo finished: every check passed.")
        .doesNotContain("SLF4J")
        .as("lambda serve stops its environments without an error they could print")
        .doesNotContain("LAMBDA_RUNTIME Failed")
        .doesNotContain("Exception in thread");

    assertThat(output.indexOf("Starting the local S3 server")).as("the wait is announced before it starts")
        .isLessThan(output.indexOf("S3 server on http://127.0.0.1:"));

    Path run = onlyChild(out.resolve("runs"));
    assertThat(Files.readString(run.resolve("retry.csv"), StandardCharsets.UTF_8))
        .isEqualTo("demo-photos,%7B%22origKey%22%3A%22summer/pier%2C%20dusk.jpg%22%2C%22newKey%22%3A%22"
            + "2024/summer/pier%2C%20dusk.jpg%22%7D\n");
    for (String job : List.of("1-copy", "2-remove-delete-marker", "3-retry", "4-lambda")) {
      Path folder = onlyChild(run.resolve("reports").resolve(job));
      assertThat(folder.getFileName().toString()).startsWith("job-");
      assertThat(folder.resolve("manifest.json")).exists();
      try (Stream<Path> results = Files.list(folder.resolve("results"))) {
        assertThat(results.map(p -> p.getFileName().toString()).toList())
            .isNotEmpty()
            .allMatch(name -> name.matches("[0-9a-f]{40}\\.csv"));
      }
    }
    Path copyReport = onlyChild(run.resolve("reports").resolve("1-copy"));
    String failedRows;
    try (Stream<Path> results = Files.list(copyReport.resolve("results"))) {
      failedRows = results.map(DemoE2ETest::read).filter(s -> s.contains(",failed,")).findFirst().orElseThrow();
    }
    assertThat(failedRows)
        .isEqualTo("demo-photos,%7B%22origKey%22%3A%22summer/pier%2C%20dusk.jpg%22%2C%22newKey%22%3A%22"
            + "2024/summer/pier%2C%20dusk.jpg%22%7D,,failed,200,PermanentFailure,"
            + "\"S3 error NoSuchKey (HTTP 404, request id none): The specified key does not exist.\"\n");
  }

  private static Path onlyChild(Path dir) throws java.io.IOException {
    try (Stream<Path> children = Files.list(dir)) {
      List<Path> all = children.toList();
      assertThat(all).as("entries of %s", dir).hasSize(1);
      return all.get(0);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
