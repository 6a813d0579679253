package dev.s3batch.tools.lambdaclient;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How Lambda-level answers are retried, as S3 Batch Operations retries them: throttling (429),
 * service errors (5xx) and connection faults, with exponential backoff and full jitter; never a
 * function error (a 200 with {@code X-Amz-Function-Error}) nor another 4xx. It is the SDK's
 * standard strategy, with more attempts and the circuit breaker off, so a burst of throttling
 * does not use up the retries of the tasks behind it.
 *
 * @param maxAttempts attempts of one invocation in all, 1 to 100
 * @param base the first backoff; it doubles with each attempt
 * @param max the longest backoff
 */
public record LambdaRetry(int maxAttempts, Duration base, Duration max) {

  /** 10 attempts, from 200 ms up to 20 s apart: about three minutes of throttling before a task fails. */
  public static final LambdaRetry DEFAULT = new LambdaRetry(10, Duration.ofMillis(200), Duration.ofSeconds(20));

  public LambdaRetry {
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("Lambda retries: attempts must be 1 to 100, not " + maxAttempts);
    }
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("Lambda retries: need 0 < base <= max");
    }
  }

  /** The SDK retry strategy. */
  RetryStrategy strategy() {
    BackoffStrategy backoff = BackoffStrategy.exponentialDelay(base, max);
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .circuitBreakerEnabled(false)
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(backoff)
        .build();
  }
}
