package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.tools.local.JobProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void start_notATerminal_printsAPlainLineEveryInterval() throws InterruptedException {
    StringWriter captured = new StringWriter();
    AtomicLong done = new AtomicLong();
    Progress progress = Progress.start(() -> new JobProgress(10, done.incrementAndGet(), 0, 0, 0, 1_000_000_000L),
        new PrintWriter(captured), Duration.ofMillis(30), false);
    Thread.sleep(400);
    progress.stop();

    String[] lines = captured.toString().split("\n");
    assertThat(lines.length).isGreaterThanOrEqualTo(3);
    assertThat(lines[0]).matches("progress: 1/10 tasks, 0 succeeded, 0 failed, 0 retried, 1 tasks/s, ETA 0m09s");
    assertThat(captured.toString()).doesNotContain("\r").endsWith("\n");
  }

  @Test
  void start_terminal_redrawsOneLine() throws InterruptedException {
    StringWriter captured = new StringWriter();
    Progress progress = Progress.start(() -> new JobProgress(10, 5, 5, 0, 0, 1_000_000_000L),
        new PrintWriter(captured), Duration.ofMillis(30), true);
    Thread.sleep(200);
    progress.stop();

    assertThat(captured.toString()).startsWith("\r5/10 tasks").endsWith("\n");
    assertThat(captured.toString().split("\n")).hasSize(1);
  }
}
