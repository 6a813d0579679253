package dev.s3batch.handler.spi;

import dev.s3batch.handler.event.SchemaVersion;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What an action may use while it runs a task: the function's S3 client, its settings, and the
 * time left before Lambda ends the invocation.
 *
 * <p>Settings are named in the {@code userArguments} style ({@code destinationBucket}). A
 * setting comes from the job's {@code userArguments} (schema 2.0) when the job sets it, else from
 * the function's environment under {@code S3BATCH_} plus the name in upper snake case
 * ({@code S3BATCH_DESTINATION_BUCKET}). Guard rails ({@code allowedActions},
 * {@code allowedDestinations}) come only from the environment.
 *
 * <pre>{@code
 * String prefix = context.setting("destinationPrefix").orElse("");
 * if (context.remainingTime().compareTo(Duration.ofSeconds(10)) < 0) {
 *   return TaskOutcome.temporaryFailure("deadline near", "");
 * }
 * }</pre>
 */
public interface ActionContext {

  /** The S3 client, built once per function instance; thread-safe. */
  S3Client s3();

  /** A setting by its {@code userArguments} name, empty when neither the job nor the function sets it. */
  Optional<String> setting(String name);

  /**
   * A setting from the function's environment only, whatever the job's {@code userArguments} say:
   * for guard rails and for defaults a job must not widen ({@code S3BATCH_DESTINATION_BUCKET} as
   * an allowed destination). Empty when the environment does not set it; contexts that know no
   * environment return empty, the safe answer for a guard rail.
   */
  default Optional<String> functionSetting(String name) {
    return Optional.empty();
  }

  /** The time left in this invocation (Lambda's remaining time). */
  Duration remainingTime();

  /** The job id of the invocation, possibly empty. */
  String jobId();

  /** The invocation's schema version. */
  SchemaVersion schema();
}
