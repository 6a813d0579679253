package dev.s3batch.tools.job;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Polls a job until it ends ({@code Complete}, {@code Failed}, {@code Cancelled}) or the timeout
 * passes, sleeping by a {@link Backoff} between polls. Each poll's summary goes to a listener (the
 * CLI prints progress lines on a terminal). Not thread-safe: one wait per instance at a time.
 *
 * <pre>{@code
 * JobSummary end = new JobWaiter(id -> control.describe(account, id), Backoff.DEFAULT, Duration.ofHours(2))
 *     .await(jobId, job -> err.println(JobTexts.progress(job)));
 * }</pre>
 */
public final class JobWaiter {

  private final Function<String, JobSummary> describe;
  private final Backoff backoff;
  private final Duration timeout;

  public JobWaiter(Function<String, JobSummary> describe, Backoff backoff, Duration timeout) {
    this.describe = describe;
    this.backoff = backoff;
    this.timeout = timeout;
  }

  /**
   * The job's summary once it has ended.
   *
   * @throws JobServiceException when the timeout passes first
   * @throws InterruptedException when interrupted while sleeping
   */
  public JobSummary await(String jobId, Consumer<JobSummary> onPoll) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration delay = backoff.initial();
    while (true) {
      JobSummary job = describe.apply(jobId);
      onPoll.accept(job);
      if (job.ended()) {
        return job;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new JobServiceException("job " + jobId + " is still " + job.status() + " after " + human(timeout)
            + " (--timeout); " + JobTexts.progress(job));
      }
      Thread.sleep(Math.max(1, Math.min(delay.toMillis(), Duration.ofNanos(left).toMillis() + 1)));
      delay = backoff.next(delay);
    }
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
