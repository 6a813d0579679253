package dev.s3batch.tools.local;

import static dev.s3batch.handler.internal.FailureClassifier.CONNECTION_FAULT;

import java.time.Duration;
import java.util.Optional;

/**
 * Tells a job that cannot reach S3 from one with failing tasks: S3 counts as unreachable once
 * every one of the last {@code attempts} invocations (redrives included) answered a connection
 * fault and that streak has lasted at least {@code span}; any other answer ends the streak.
 * Thread-safe.
 */
final class ConnectionWatch {

  private final int attempts;
  private final long spanNanos;
  private final String endpoint;
  private int streak;
  private long streakStart;

  /**
   * @param attempts how many invocations in a row must have answered a connection fault
   * @param span how long the streak must have lasted
   * @param endpoint the S3 endpoint the function talks to, for the reason
   */
  ConnectionWatch(int attempts, Duration span, String endpoint) {
    this.attempts = attempts;
    this.spanNanos = span.toNanos();
    this.endpoint = endpoint;
  }

  /** Records one invocation's outcome; the reason to stop the job once S3 counts as unreachable. */
  synchronized Optional<String> record(InvocationOutcome outcome, long nowNanos) {
    if (!(outcome instanceof InvocationOutcome.Answered a) || outcome.succeeded()
        || !a.resultString().startsWith(CONNECTION_FAULT)) {
      streak = 0;
      return Optional.empty();
    }
    if (streak++ == 0) {
      streakStart = nowNanos;
    }
    if (streak >= attempts && nowNanos - streakStart >= spanNanos) {
      return Optional.of("cannot reach S3 at " + endpoint + ": " + a.resultString().substring(CONNECTION_FAULT.length())
          + " (the last " + streak + " invocations, over " + Duration.ofNanos(nowNanos - streakStart).toSeconds()
          + " s, all failed to connect)");
    }
    return Optional.empty();
  }
}
