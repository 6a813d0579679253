package dev.s3batch.handler.internal;

import dev.s3batch.handler.spi.TaskOutcome;
import java.util.Objects;

/**
 * Ends a task early with a known outcome ("deadline near", "destination bucket not allowed"):
 * thrown from deep inside an action, caught by the action and answered as {@link #outcome()}.
 */
public final class OutcomeException extends RuntimeException {

  private final transient TaskOutcome outcome;

  public OutcomeException(TaskOutcome outcome) {
    super(Objects.requireNonNull(outcome, "outcome").message(), null, false, false);
    this.outcome = outcome;
  }

  /** The outcome to answer. */
  public TaskOutcome outcome() {
    return outcome;
  }
}
