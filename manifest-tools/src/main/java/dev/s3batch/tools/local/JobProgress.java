package dev.s3batch.tools.local;

/**
 * A snapshot of a local job's progress.
 *
 * @param total the manifest's task count
 * @param done tasks finished (succeeded or failed)
 * @param succeeded tasks succeeded
 * @param failed tasks failed
 * @param retried redrives issued (TemporaryFailure answers invoked again)
 * @param elapsedNanos time since the first task started
 */
public record JobProgress(long total, long done, long succeeded, long failed, long retried, long elapsedNanos) {

  /** Tasks finished per second. */
  public double rate() {
    return elapsedNanos <= 0 ? 0 : done * 1e9 / elapsedNanos;
  }

  /** Seconds left at the current rate, or -1 when unknown. */
  public long etaSeconds() {
    double rate = rate();
    return rate <= 0 ? -1 : (long) Math.ceil((total - done) / rate);
  }
}
