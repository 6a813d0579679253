package dev.s3batch.tools.local;

import dev.s3batch.handler.event.SchemaVersion;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a local job runs its tasks.
 *
 * <pre>{@code
 * RunSettings settings = RunSettings.defaults().withConcurrency(8).withMaxAttempts(3);
 * }</pre>
 *
 * @param schema the invocation schema
 * @param userArguments the job's user arguments (schema 2.0)
 * @param concurrency how many invocations run at once
 * @param timeout the function's timeout; an invocation still running then is reported timed out
 * @param maxAttempts how many times a task answered TemporaryFailure is invoked in all
 * @param initialBackoff the wait before the first redrive; it doubles with each redrive (with jitter), up to 20 s
 * @param failureThresholdMinimum how many tasks must have run before the failure threshold applies (1,000 on AWS)
 * @param unreachableAfter how long every invocation (at least 3 per concurrent slot, and 10) must have failed to
 *     connect before the job stops as Failed, "cannot reach S3"
 * @param s3Endpoint the S3 endpoint the function talks to, for that reason
 */
public record RunSettings(
    SchemaVersion schema, Map<String, String> userArguments, int concurrency, Duration timeout, int maxAttempts,
    Duration initialBackoff, int failureThresholdMinimum, Duration unreachableAfter, String s3Endpoint) {

  public RunSettings {
    Objects.requireNonNull(schema, "schema");
    userArguments = Map.copyOf(userArguments);
    if (schema == SchemaVersion.V1_0 && !userArguments.isEmpty()) {
      throw new IllegalArgumentException("user arguments need schema 2.0: schema 1.0 events carry none");
    }
    if (concurrency < 1 || concurrency > 10_000) {
      throw new IllegalArgumentException("concurrency must be 1 to 10000, not " + concurrency);
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(900)) > 0) {
      throw new IllegalArgumentException("the timeout must be above 0 and at most 900 seconds (Lambda's limit)");
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("max attempts must be 1 to 100, not " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(unreachableAfter, "unreachableAfter");
    Objects.requireNonNull(s3Endpoint, "s3Endpoint");
  }

  /**
   * Schema 1.0, concurrency 4, timeout 900 s, 5 attempts, 500 ms first backoff, threshold after 1,000 tasks,
   * unreachable after 10 s of connection faults.
   */
  public static RunSettings defaults() {
    return new RunSettings(SchemaVersion.V1_0, Map.of(), 4, Duration.ofSeconds(900), 5, Duration.ofMillis(500), 1000,
        Duration.ofSeconds(10), "the AWS endpoint");
  }

  public RunSettings withSchema(SchemaVersion s, Map<String, String> args) {
    return new RunSettings(s, args, concurrency, timeout, maxAttempts, initialBackoff, failureThresholdMinimum, unreachableAfter,
        s3Endpoint);
  }

  public RunSettings withConcurrency(int n) {
    return new RunSettings(schema, userArguments, n, timeout, maxAttempts, initialBackoff, failureThresholdMinimum, unreachableAfter,
        s3Endpoint);
  }

  public RunSettings withTimeout(Duration t) {
    return new RunSettings(schema, userArguments, concurrency, t, maxAttempts, initialBackoff, failureThresholdMinimum, unreachableAfter,
        s3Endpoint);
  }

  public RunSettings withMaxAttempts(int n) {
    return new RunSettings(schema, userArguments, concurrency, timeout, n, initialBackoff, failureThresholdMinimum, unreachableAfter,
        s3Endpoint);
  }

  public RunSettings withInitialBackoff(Duration d) {
    return new RunSettings(schema, userArguments, concurrency, timeout, maxAttempts, d, failureThresholdMinimum, unreachableAfter, s3Endpoint);
  }

  public RunSettings withUnreachableAfter(Duration d) {
    return new RunSettings(schema, userArguments, concurrency, timeout, maxAttempts, initialBackoff,
        failureThresholdMinimum, d, s3Endpoint);
  }

  public RunSettings withS3Endpoint(String endpoint) {
    return new RunSettings(schema, userArguments, concurrency, timeout, maxAttempts, initialBackoff,
        failureThresholdMinimum, unreachableAfter, endpoint);
  }

  /** How many invocations in a row must fail to connect (with {@link #unreachableAfter()}) to stop the job. */
  public int unreachableAttempts() {
    return Math.max(10, 3 * concurrency);
  }
}
