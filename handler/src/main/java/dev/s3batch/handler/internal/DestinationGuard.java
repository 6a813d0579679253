package dev.s3batch.handler.internal;

import dev.s3batch.handler.spi.ActionContext;
import dev.s3batch.handler.spi.ObjectTask;
import dev.s3batch.handler.spi.TaskOutcome;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The guard rail on where a job may write. {@code S3BATCH_ALLOWED_DESTINATIONS} in the function's
 * environment lists the buckets (comma-separated; {@code *} allows any). Secure by default: with
 * no list, the only destinations are the function's own {@code S3BATCH_DESTINATION_BUCKET} and
 * the bucket of the task itself. A job's {@code userArguments} can never widen either.
 */
public final class DestinationGuard {

  private DestinationGuard() {}

  /**
   * Throws an {@link OutcomeException} answering PermanentFailure "destination bucket not
   * allowed" unless the function allows {@code bucket} for this task.
   */
  public static void check(String bucket, ObjectTask task, ActionContext context) {
    Set<String> allowed = allowed(task, context);
    if (!allowed.contains("*") && !allowed.contains(bucket)) {
      throw new OutcomeException(TaskOutcome.permanentFailure(
          "destination bucket not allowed: \"" + bucket + "\" (allowed: " + String.join(", ", allowed)
              + "; set " + Setting.ALLOWED_DESTINATIONS.environmentVariable()
              + " in the function's environment to allow more)", "DestinationNotAllowed"));
    }
  }

  private static Set<String> allowed(ObjectTask task, ActionContext context) {
    String list = context.functionSetting(Setting.ALLOWED_DESTINATIONS.argument()).orElse(null);
    if (list != null) {
      return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> allowed = new TreeSet<>();
    allowed.add(task.bucket());
    context.functionSetting(Setting.DESTINATION_BUCKET.argument()).ifPresent(allowed::add);
    return allowed;
  }
}
