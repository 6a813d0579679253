package dev.s3batch.tools.local;

import java.util.function.Consumer;

/**
 * The function a local job invokes, one task per invocation: the handler run in this process
 * ({@link TimedInvoker}) or a function reached through Lambda's Invoke API. {@link LocalJobRunner}
 * talks only to this, so manifest reading, redrives, the failure threshold and the report are one
 * code path whichever function answers.
 *
 * <p>An invocation runs on the calling thread, as a Lambda sandbox runs one invocation at a time:
 * the job's lanes call in, no thread is handed the work. Implementations are thread-safe:
 * {@link #invoke} is called from several threads at once, up to the job's concurrency.
 *
 * <pre>{@code
 * try (BatchFunction function = new TimedInvoker(handler, 900_000, line -> {})) {
 *   InvocationOutcome outcome = function.invoke(eventBytes, taskId, late -> {});
 * }
 * }</pre>
 */
public interface BatchFunction extends AutoCloseable {

  /**
   * Invokes the function once on {@code event}, on the calling thread, and returns the outcome for
   * the task {@code taskId} as S3 Batch Operations reads it; never throws. When the invocation runs
   * past the function's timeout, its outcome (Lambda's timeout error) goes instead to
   * {@code overtime}, on a new thread, at the timeout; this call then returns null whenever the
   * handler lets go of the calling thread, which it may never do.
   */
  InvocationOutcome invoke(byte[] event, String taskId, Consumer<InvocationOutcome> overtime);

  /** Releases the threads and connections; invocations still running may be abandoned. */
  @Override
  void close();
}
