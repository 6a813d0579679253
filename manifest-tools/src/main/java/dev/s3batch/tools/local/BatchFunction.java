package dev.s3batch.tools.local;

import java.util.concurrent.CompletableFuture;

/**
 * The function a local job invokes, one task per invocation: the handler run in this process
 * ({@link TimedInvoker}) or a function reached through Lambda's Invoke API. {@link LocalJobRunner}
 * talks only to this, so manifest reading, redrives, the failure threshold and the report are one
 * code path whichever function answers.
 *
 * <p>Implementations are thread-safe: {@link #invoke} is called from several threads at once, up
 * to the job's concurrency.
 *
 * <pre>{@code
 * try (BatchFunction function = new TimedInvoker(handler, 900_000, line -> {})) {
 *   InvocationOutcome outcome = function.invoke(eventBytes, taskId).join();
 * }
 * }</pre>
 */
public interface BatchFunction extends AutoCloseable {

  /**
   * Invokes the function once on {@code event}; completes with the outcome for the task
   * {@code taskId} as S3 Batch Operations reads it, never exceptionally.
   */
  CompletableFuture<InvocationOutcome> invoke(byte[] event, String taskId);

  /** Releases the threads and connections; invocations still running may be abandoned. */
  @Override
  void close();
}
