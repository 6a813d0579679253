package dev.s3batch.handler.testing;

import dev.s3batch.handler.spi.ActionProvider;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.TaskOutcome;

/** A user-style action for tests: {@code copy-probe} copies the object to {@code key + ".copy"} with CopyObject. */
public final class CopyProbeProvider implements ActionProvider {

  @Override
  public String name() {
    return "copy-probe";
  }

  @Override
  public ObjectAction create() {
    return (task, context) -> {
      context.s3().copyObject(b -> b.sourceBucket(task.bucket()).sourceKey(task.key())
          .destinationBucket(task.bucket()).destinationKey(task.key() + ".copy"));
      return TaskOutcome.succeeded("copied " + task.location());
    };
  }
}
