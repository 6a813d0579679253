package dev.s3batch.handler.internal;

import dev.s3batch.handler.spi.ActionContext;
import dev.s3batch.handler.spi.TaskOutcome;
import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequest;

/**
 * The time an action may still spend: Lambda's remaining time less the margin
 * ({@code deadlineMargin} seconds, default 30). Every S3 call made through {@link #bound} gets an
 * {@code apiCallTimeout} (which covers the SDK's retries) no longer than that, so the function
 * answers before Lambda ends it. Thread-safe.
 *
 * <p>Near the deadline the answer is TemporaryFailure "deadline near": the time ran low during
 * this invocation (earlier tasks, a slow copy), and a redrive gets a fresh one. When the
 * invocation had no more than the margin from its start, though (the function's timeout is at or
 * under {@code deadlineMargin}), no invocation ever will: the answer is then PermanentFailure,
 * telling to raise the timeout or lower the margin.
 *
 * <pre>{@code
 * Deadline deadline = Deadline.of(context);
 * s3.copyObject(deadline.bound(CopyObjectRequest.builder().sourceBucket(b)...).build());
 * }</pre>
 */
public final class Deadline {

  /** The longest call timeout set: Lambda's longest run. */
  public static final Duration MAX_CALL = Duration.ofMinutes(15);

  /** The margin when {@code deadlineMargin} is not set. */
  public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(30);

  private final ActionContext context;
  private final Duration margin;
  private final Duration invocationTime;

  public Deadline(ActionContext context, Duration margin) {
    this.context = context;
    this.margin = margin;
    this.invocationTime = context instanceof TaskContext t ? t.invocationTime() : null;
  }

  /** The deadline of this context, with its {@code deadlineMargin}. */
  public static Deadline of(ActionContext context) {
    Duration margin =
        context.setting(Setting.DEADLINE_MARGIN.argument()).map(Deadline::parseMargin).orElse(DEFAULT_MARGIN);
    return new Deadline(context, margin);
  }

  /** A {@code deadlineMargin} value: whole seconds, 0 or more; else an IllegalArgumentException naming it. */
  static Duration parseMargin(String value) {
    try {
      long seconds = Long.parseLong(value.strip());
      if (seconds >= 0) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException(
        "invalid " + Setting.DEADLINE_MARGIN.argument() + " \"" + value + "\": give whole seconds, 0 or more");
  }

  /** The time left before the margin; zero or negative when the deadline is near. */
  public Duration left() {
    return context.remainingTime().minus(margin);
  }

  /** Whether less than the margin remains. */
  public boolean near() {
    return left().compareTo(Duration.ZERO) <= 0;
  }

  /** Throws an {@link OutcomeException} answering TemporaryFailure "deadline near" when it is. */
  public void check(String doing) {
    if (near()) {
      throw nearException(doing);
    }
  }

  /**
   * The "deadline near" failure, saying what was stopped; permanent when the invocation started
   * with no more than the margin.
   */
  public OutcomeException nearException(String doing) {
    if (invocationTime != null && invocationTime.compareTo(margin) <= 0) {
      return new OutcomeException(TaskOutcome.permanentFailure(
          "function timeout too short: stopped " + doing + " because the invocation started with "
              + invocationTime.toMillis() / 1000 + " s and " + Setting.DEADLINE_MARGIN.argument() + " keeps "
              + margin.toSeconds() + " s in reserve, so no invocation can do the work and no redrive will succeed;"
              + " raise the function's timeout above " + margin.toSeconds() + " s (copies of large objects want"
              + " minutes) or lower " + Setting.DEADLINE_MARGIN.argument(),
          "TimeoutWithinDeadlineMargin"));
    }
    return new OutcomeException(TaskOutcome.temporaryFailure(
        "deadline near: stopped " + doing + " with less than " + margin.toSeconds()
            + " s left; the redrive continues", "DeadlineNear"));
  }

  /**
   * Checks the deadline and limits the request's whole call, retries included, to the time left.
   *
   * @param builder a request builder
   * @param doing what the call does, for the message when the deadline is near
   * @return the builder
   */
  public <B extends AwsRequest.Builder> B bound(B builder, String doing) {
    check(doing);
    Duration left = left().compareTo(MAX_CALL) > 0 ? MAX_CALL : left();
    builder.overrideConfiguration(o -> o.apiCallTimeout(left));
    return builder;
  }
}
