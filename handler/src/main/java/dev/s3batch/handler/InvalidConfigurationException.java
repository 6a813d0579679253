package dev.s3batch.handler;

/**
 * The function's configuration is wrong in a way no task could survive, found when the handler is
 * created (Lambda's init phase), before any invocation: for example an {@code S3BATCH_} variable
 * that no setting declares, a typo that would otherwise be silently ignored. Lambda reports it as
 * an init error; every invocation then fails with it, and S3 Batch Operations reports each task
 * as {@code Lambda returned function error}.
 *
 * <pre>{@code
 * new S3BatchHandler(Map.of("S3BATCH_ACTION", "move", "S3BATCH_DESTINATON_BUCKET", "dst"));
 * // InvalidConfigurationException: unknown variable S3BATCH_DESTINATON_BUCKET: did you mean S3BATCH_DESTINATION_BUCKET?
 * }</pre>
 */
public final class InvalidConfigurationException extends RuntimeException {

  public InvalidConfigurationException(String message) {
    super(message);
  }
}
