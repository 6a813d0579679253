package dev.s3batch.tools.job;

import java.time.Duration;

/**
 * The delays between polls of {@code job wait}: {@code initial}, then each one {@code factor} times
 * the last, never more than {@code max}. The default grows 2 s, 3 s, 4.5 s, ... up to 30 s.
 *
 * @param initial the first delay
 * @param max the longest delay
 * @param factor how much each delay grows, 1 or more
 */
public record Backoff(Duration initial, Duration max, double factor) {

  /** 2 s growing by half each poll up to 30 s. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30), 1.5);

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || factor < 1) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max and factor >= 1");
    }
  }

  /** The delay after {@code previous}. */
  public Duration next(Duration previous) {
    long nanos = (long) Math.min((double) max.toNanos(), previous.toNanos() * factor);
    return Duration.ofNanos(nanos);
  }
}
