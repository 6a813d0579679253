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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
   * @param functionLog where the function's log lines go (called from several threads)
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
      Semaphore slots = new Semaphore(settings.concurrency());
      startNanos = System.nanoTime();
      ScheduledExecutorService redrives = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "s3batch-redrives");
        t.setDaemon(true);
        return t;
      });
      try (BatchFunction invoker = function.get(); Tasks tasks = open(manifest, drawn)) {
        try {
          issue(tasks, slots, new Invoking(invoker, redrives, report));
        } finally {
          slots.acquireUninterruptibly(settings.concurrency());
        }
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
      } finally {
        redrives.shutdownNow();
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

  /** What every attempt of the run needs: the function, the redrive timer, the report. */
  private record Invoking(BatchFunction function, ScheduledExecutorService redrives, ReportWriter report) {}

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

  private void issue(Tasks tasks, Semaphore slots, Invoking run) throws IOException {
    ReportWriter report = run.report();
    while (!stopping()) {
      Optional<ManifestTask> next = tasks.next();
      if (next.isEmpty()) {
        return;
      }
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        unprocessed(report, next.get());
        return;
      }
      if (stopping()) {
        slots.release();
        unprocessed(report, next.get());
        return;
      }
      attempt(next.get(), EventWriter.randomId(), 1, slots, run);
    }
  }

  private void unprocessed(ReportWriter report, ManifestTask task) throws IOException {
    report.unprocessed(task.bucket(), task.encodedKey(), task.versionId());
    synchronized (this) {
      unprocessed++;
    }
  }

  private void attempt(ManifestTask task, String taskId, int attempt, Semaphore slots, Invoking run) {
    byte[] event =
        EventWriter.singleTask(
            settings.schema(), EventWriter.randomId(), jobId, settings.userArguments(), taskId, task.bucket(),
            task.encodedKey(), task.versionId());
    run.function().invoke(event, taskId).thenAccept(outcome -> settle(task, taskId, attempt, outcome, slots, run));
  }

  private void settle(
      ManifestTask task, String taskId, int attempt, InvocationOutcome outcome, Semaphore slots, Invoking run) {
    connections.record(outcome, System.nanoTime()).ifPresent(reason -> {
      if (unreachable == null) {
        unreachable = reason;
      }
    });
    if (outcome.temporary() && attempt < settings.maxAttempts() && !stopping()) {
      synchronized (this) {
        retried++;
      }
      run.redrives().schedule(() -> attempt(task, taskId, attempt + 1, slots, run), backoffMillis(attempt),
          TimeUnit.MILLISECONDS);
      return;
    }
    try {
      run.report().write(outcome.row(task.bucket(), task.encodedKey(), task.versionId()));
      count(outcome.succeeded());
    } catch (IOException | RuntimeException e) {
      reportError = e instanceof IOException io ? io : new IOException(e);
    } finally {
      slots.release();
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
