package dev.s3batch.tools.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.s3batch.tools.manifest.ManifestReader;
import dev.s3batch.tools.manifest.ManifestTask;
import dev.s3batch.tools.report.ReportWriter;
import dev.s3batch.tools.report.SampleNote;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs an S3 Batch Operations job on this machine, the way S3 runs it: a preparation pass that
 * reads (and checks) the whole manifest, then one invocation per task, each with a fresh task
 * id and invocation id, its event serialised to JSON bytes and given to the
 * {@link RequestStreamHandler} as Lambda gives it; the output bytes read as S3 reads them
 * ({@link ResponseParser}). TemporaryFailure answers are redriven with backoff, up to
 * {@link RunSettings#maxAttempts()}, and the last message reported. The job fails, and issues no
 * more tasks, once at least {@link RunSettings#failureThresholdMinimum()} tasks ran and more
 * than half of them failed, and when every invocation failed to connect for a while
 * ({@link RunSettings#unreachableAfter()}: S3 is down). {@link #cancel()} issues no more tasks; the
 * running ones finish and the report covers what ran. The rows a stopped job never ran are listed
 * in the report's {@code unprocessed.csv}. The function is a {@link BatchFunction}: the handler in this
 * process, or a function reached through Lambda's Invoke API. With a {@link ManifestSample}, the
 * preparation pass draws the sample and the job runs only those rows (redrives, threshold and
 * {@code unprocessed.csv} as for any job), its report marked as a sample ({@link SampleNote}).
 *
 * <p>Memory does not grow with the manifest: it is streamed, at most
 * {@link RunSettings#concurrency()} tasks are in flight (invoking or waiting for a redrive), and
 * each row goes to the report as its task ends; a sample holds its drawn rows. Thread-safe: {@link #cancel()} and
 * {@link #progress()} may be called from any thread while {@link #run} runs.
 *
 * <pre>{@code
 * LocalJobRunner runner = new LocalJobRunner(new S3BatchHandler(env), RunSettings.defaults(), line -> {});
 * ReportWriter report = new ReportWriter(ReportStore.of("reports", s3), runner.jobId(), ReportScope.AllTasks);
 * JobResult result = runner.run(() -> ManifestReader.open("manifest.csv", s3), report);
 * }</pre>
 */
public final class LocalJobRunner {

  /** Opens the manifest; called twice (preparation, then the run). */
  @FunctionalInterface
  public interface ManifestSource {
    ManifestReader open() throws IOException;
  }

  private static final long MAX_BACKOFF_MILLIS = 20_000;

  /** The tasks of one pass: the manifest's rows, or a sample's. */
  private interface Tasks extends Closeable {
    Optional<ManifestTask> next() throws IOException;
  }

  private final Supplier<? extends BatchFunction> function;
  private final RunSettings settings;
  private final String jobId = UUID.randomUUID().toString();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean cancelled;
  private volatile boolean thresholdCrossed;
  private volatile IOException reportError;
  private volatile String unreachable;
  private final ConnectionWatch connections;
  private volatile long startNanos;
  private volatile long total;
  private long done;
  private long succeeded;
  private long failed;
  private long retried;
  private long unprocessed;

  /**
   * @param handler the function
   * @param settings how tasks run
   * @param functionLog where the function's log lines go (called from several threads), or null
   *     for nowhere: the handler then does not make them
   */
  public LocalJobRunner(RequestStreamHandler handler, RunSettings settings, Consumer<String> functionLog) {
    this(() -> new TimedInvoker(handler, settings.timeout().toMillis(), functionLog), settings);
  }

  /**
   * @param function opens the function the job invokes, once per {@link #run} (which closes it)
   * @param settings how tasks run ({@link RunSettings#timeout()} is the function's own business here)
   */
  public LocalJobRunner(Supplier<? extends BatchFunction> function, RunSettings settings) {
    this.function = function;
    this.settings = settings;
    this.connections = new ConnectionWatch(settings.unreachableAttempts(), settings.unreachableAfter(), settings.s3Endpoint());
  }

  /** The job id (a UUID, as S3 Control's). */
  public String jobId() {
    return jobId;
  }

  /** Issues no more tasks; the running ones finish. */
  public void cancel() {
    cancelled = true;
  }

  /** Waits until {@link #run} has written the report (or given up); false on timeout. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A snapshot of the counts. */
  public synchronized JobProgress progress() {
    long start = startNanos;
    return new JobProgress(total, done, succeeded, failed, retried, start == 0 ? 0 : System.nanoTime() - start);
  }

  /**
   * Runs the job and writes its report. Before the first task, the report's destination is
   * probed ({@link ReportWriter#check()}). When the job stops early (failure threshold, cancel,
   * S3 unreachable), the manifest rows that never ran go to the report's {@code unprocessed.csv}:
   * every row ends up once, in the report's rows or there.
   *
   * @throws dev.s3batch.tools.manifest.InvalidManifestException when the manifest is bad (found in
   *     the preparation pass, before any task runs)
   * @throws dev.s3batch.tools.report.ReportDestinationException when the report cannot be written
   *     (found before any task runs)
   * @throws dev.s3batch.tools.report.ReportNotWrittenException when writing the report failed after
   *     tasks ran; its message names the temporary files that keep the rows
   */
  public JobResult run(ManifestSource manifest, ReportWriter report) throws IOException {
    return run(manifest, null, null, report);
  }

  /**
   * Runs the job on a sample of the manifest's rows ({@code manifestLocation} is named in the
   * report's {@link SampleNote}); otherwise as {@link #run(ManifestSource, ReportWriter)}.
   */
  public JobResult run(ManifestSource manifest, ManifestSample sample, String manifestLocation, ReportWriter report)
      throws IOException {
    try {
      ManifestSample.Drawn drawn = null;
      SampleNote note = null;
      if (sample == null) {
        total = prepare(manifest);
      } else {
        drawn = sample.draw(manifest.open());
        total = drawn.tasks().size();
        note = new SampleNote(total, drawn.manifestRows(), sample.seed(), manifestLocation);
      }
      report.check();
      startNanos = System.nanoTime();
      try (BatchFunction invoker = function.get(); Tasks tasks = open(manifest, drawn)) {
        Lanes lanes = new Lanes(invoker, tasks, report, (int) Math.min(settings.concurrency(), total));
        lanes.runAll();
        lanes.rethrow();
        if (stopping()) {
          for (Optional<ManifestTask> t = tasks.next(); t.isPresent(); t = tasks.next()) {
            unprocessed(report, t.get());
          }
        }
      } catch (dev.s3batch.tools.manifest.InvalidManifestException e) {
        report.abandon();
        throw e;
      } catch (IOException | RuntimeException e) {
        throw report.keep("the job stopped: " + e.getMessage(), e);
      }
      if (reportError != null) {
        throw report.keep("writing a report row to a temporary file failed (" + reportError.getMessage()
            + "), so the job stopped; the task of that row ran but its row is lost", reportError);
      }
      if (note != null) {
        report.sample(note);
      }
      String location = report.finish();
      return new JobResult(jobId, status(), progress(), location, failureReason(), unprocessed,
          unprocessed > 0 ? report.unprocessedLocation() : "", note);
    } finally {
      finished.countDown();
    }
  }

  private static Tasks open(ManifestSource manifest, ManifestSample.Drawn drawn) throws IOException {
    if (drawn == null) {
      ManifestReader reader = manifest.open();
      return new Tasks() {
        @Override
        public Optional<ManifestTask> next() throws IOException {
          return reader.next();
        }

        @Override
        public void close() throws IOException {
          reader.close();
        }
      };
    }
    Iterator<ManifestTask> rows = drawn.tasks().iterator();
    return new Tasks() {
      @Override
      public Optional<ManifestTask> next() {
        return rows.hasNext() ? Optional.of(rows.next()) : Optional.empty();
      }

      @Override
      public void close() {}
    };
  }

  /**
   * The job's concurrency as lanes, each a thread that takes the next task, runs its attempts and
   * writes its row, then takes the next, until there are none or the job stops: no thread hands a
   * task to another. A lane whose invocation runs past the timeout goes on in the function's
   * overtime thread (the stuck one is left to its handler).
   */
  private final class Lanes {
    private final BatchFunction function;
    private final Tasks tasks;
    private final ReportWriter report;
    private final CountDownLatch ended;
    private final int count;
    private volatile Throwable error;

    Lanes(BatchFunction function, Tasks tasks, ReportWriter report, int count) {
      this.function = function;
      this.tasks = tasks;
      this.report = report;
      this.count = count;
      this.ended = new CountDownLatch(count);
    }

    /** Starts every lane and waits until each has ended; an interrupt cancels the job, and the wait goes on. */
    void runAll() {
      java.util.concurrent.ThreadFactory threads = TimedInvoker.daemon("s3batch-function-");
      for (int i = 1; i <= count; i++) {
        threads.newThread(() -> run(null, null, 0, null)).start();
      }
      boolean interrupted = false;
      while (true) {
        try {
          ended.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          cancel();
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    /** Throws what stopped a lane, if anything did (reading the manifest failed, say). */
    void rethrow() throws IOException {
      Throwable e = error;
      if (e instanceof IOException io) {
        throw io;
      } else if (e instanceof RuntimeException r) {
        throw r;
      } else if (e instanceof Error r) {
        throw r;
      } else if (e != null) {
        throw new IOException(e);
      }
    }

    /**
     * Runs a lane from where it stands: at no task ({@code task} null), or at an outcome of
     * {@code task}'s {@code attempt} to settle ({@code outcome} non-null, from an overtime thread).
     */
    private void run(ManifestTask task, String taskId, int attempt, InvocationOutcome outcome) {
      try {
        while (true) {
          if (task == null) {
            task = take();
            if (task == null) {
              break;
            }
            taskId = EventWriter.randomId();
            attempt = 1;
          }
          if (outcome == null) {
            byte[] event = EventWriter.singleTask(settings.schema(), EventWriter.randomId(), jobId,
                settings.userArguments(), taskId, task.bucket(), task.encodedKey(), task.versionId());
            ManifestTask t = task;
            String id = taskId;
            int a = attempt;
            outcome = function.invoke(event, taskId, late -> run(t, id, a, late));
            if (outcome == null) {
              return; // the lane goes on in the overtime thread
            }
          }
          if (redrive(outcome, attempt)) {
            attempt++;
          } else {
            settle(task, outcome);
            task = null;
          }
          outcome = null;
        }
      } catch (Throwable e) {
        error = e;
      }
      ended.countDown();
    }

    /** The next task, or null when there are none or the job is stopping. */
    private ManifestTask take() throws IOException {
      synchronized (tasks) {
        return stopping() || error != null ? null : tasks.next().orElse(null);
      }
    }

    /** True when the outcome is redriven: then this lane has waited out the backoff. */
    private boolean redrive(InvocationOutcome outcome, int attempt) {
      connections.record(outcome, System.nanoTime()).ifPresent(reason -> {
        if (unreachable == null) {
          unreachable = reason;
        }
      });
      if (!outcome.temporary() || attempt >= settings.maxAttempts() || stopping()) {
        return false;
      }
      synchronized (LocalJobRunner.this) {
        retried++;
      }
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis(attempt));
      for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
        LockSupport.parkNanos(left);
      }
      return true;
    }

    private void settle(ManifestTask task, InvocationOutcome outcome) {
      try {
        report.write(outcome.row(task.bucket(), task.encodedKey(), task.versionId()));
        count(outcome.succeeded());
      } catch (IOException | RuntimeException e) {
        reportError = e instanceof IOException io ? io : new IOException(e);
      }
    }
  }

  private void unprocessed(ReportWriter report, ManifestTask task) throws IOException {
    report.unprocessed(task.bucket(), task.encodedKey(), task.versionId());
    synchronized (this) {
      unprocessed++;
    }
  }

  private synchronized void count(boolean success) {
    done++;
    if (success) {
      succeeded++;
    } else {
      failed++;
    }
    if (done >= settings.failureThresholdMinimum() && failed * 2 > done) {
      thresholdCrossed = true;
    }
  }

  private long backoffMillis(int attempt) {
    long full = Math.min(MAX_BACKOFF_MILLIS, settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
    long half = full / 2;
    return half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
  }

  private static long prepare(ManifestSource manifest) throws IOException {
    long n = 0;
    try (ManifestReader reader = manifest.open()) {
      while (reader.next().isPresent()) {
        n++;
      }
    }
    return n;
  }

  private boolean stopping() {
    return cancelled || thresholdCrossed || unreachable != null || reportError != null;
  }

  private JobStatus status() {
    if (thresholdCrossed || unreachable != null) {
      return JobStatus.Failed;
    }
    return cancelled ? JobStatus.Cancelled : JobStatus.Complete;
  }

  private synchronized String failureReason() {
    if (unreachable != null) {
      return unreachable;
    }
    if (thresholdCrossed) {
      return "the failure threshold was crossed: " + failed + " of " + done
          + " tasks failed (a job fails once at least " + settings.failureThresholdMinimum()
          + " tasks ran and more than half failed)";
    }
    return cancelled ? "cancelled after " + done + " of " + total + " tasks" : "";
  }
}
