package dev.s3batch.handler.spi;

/**
 * The work done on one object of an S3 Batch Operations job. One method, so a lambda
 * expression implements it. An action that throws has its exception classified in one place
 * (throttling, 5xx, timeouts and connection faults are temporary; other 4xx and bad input are
 * permanent): an action needs to catch only what it wants to answer differently.
 *
 * <pre>{@code
 * ObjectAction sizeCheck = (task, context) -> {
 *   long size = context.s3().headObject(b -> b.bucket(task.bucket()).key(task.key())).contentLength();
 *   return size > 0 ? TaskOutcome.succeeded("size " + size)
 *                   : TaskOutcome.permanentFailure("empty object");
 * };
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one instance serves every task of a function instance.
 */
@FunctionalInterface
public interface ObjectAction {

  /**
   * Performs the action on one object.
   *
   * @param task the object and its task parameters
   * @param context the S3 client, settings and remaining time
   * @return the outcome to report
   * @throws Exception any failure; it is classified into a temporary or permanent failure
   */
  TaskOutcome perform(ObjectTask task, ActionContext context) throws Exception;
}
