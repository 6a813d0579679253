package dev.s3batch.tools.cli;

import dev.s3batch.tools.local.JobProgress;
import dev.s3batch.tools.local.LocalJobRunner;
import java.io.PrintWriter;

/** A line of progress on stderr, redrawn every second while a local job runs (terminals only). */
final class Progress {

  private final Thread thread;
  private final PrintWriter err;
  private volatile boolean running = true;

  private Progress(LocalJobRunner runner, PrintWriter err) {
    this.err = err;
    this.thread = new Thread(() -> {
      while (running) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
        err.print("\r" + line(runner.progress()));
        err.flush();
      }
    }, "s3batch-progress");
    thread.setDaemon(true);
  }

  static Progress start(LocalJobRunner runner, PrintWriter err) {
    Progress p = new Progress(runner, err);
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
    err.println();
  }

  static String line(JobProgress p) {
    long eta = p.etaSeconds();
    return String.format("%d/%d tasks, %d succeeded, %d failed, %d retried, %.0f tasks/s, ETA %s   ",
        p.done(), p.total(), p.succeeded(), p.failed(), p.retried(), p.rate(),
        eta < 0 ? "?" : eta / 60 + "m" + String.format("%02d", eta % 60) + "s");
  }
}
