package dev.s3batch.tools.cli;

import dev.s3batch.tools.local.JobProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Progress of a local job on stderr while it runs: on a terminal one line redrawn every
 * {@code interval} ({@code \r}); elsewhere (a file, a pipe, a CI log) a plain line every
 * {@code interval}, so a long or stuck job is visible there too.
 */
final class Progress {

  private final Thread thread;
  private final PrintWriter err;
  private final boolean terminal;
  private volatile boolean running = true;

  private Progress(Supplier<JobProgress> progress, PrintWriter err, Duration interval, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
    this.thread = new Thread(() -> {
      while (running) {
        try {
          Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
          return;
        }
        if (terminal) {
          err.print("\r" + line(progress.get()));
        } else {
          err.println("progress: " + line(progress.get()).strip());
        }
        err.flush();
      }
    }, "s3batch-progress");
    thread.setDaemon(true);
  }

  /**
   * Starts printing {@code progress} on {@code err} every {@code interval}.
   *
   * @param terminal redraw one line (a terminal) instead of printing a line each time
   */
  static Progress start(Supplier<JobProgress> progress, PrintWriter err, Duration interval, boolean terminal) {
    Progress p = new Progress(progress, err, interval, terminal);
    p.thread.start();
    return p;
  }

  void stop() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (terminal) {
      err.println();
    }
    err.flush();
  }

  static String line(JobProgress p) {
    long eta = p.etaSeconds();
    return String.format("%d/%d tasks, %d succeeded, %d failed, %d retried, %.0f tasks/s, ETA %s   ",
        p.done(), p.total(), p.succeeded(), p.failed(), p.retried(), p.rate(),
        eta < 0 ? "?" : eta / 60 + "m" + String.format("%02d", eta % 60) + "s");
  }
}
