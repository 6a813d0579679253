package dev.s3batch.tools.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One accepted invocation, from the Invoke request to its {@link Outcome}. It is completed once:
 * by the runtime's answer, a timeout, or the death of its environment, whichever comes first.
 * Thread-safe: the Invoke request's thread waits on {@link #outcome()} while a Runtime API thread
 * or the timer completes it.
 */
final class Invocation {

  /** Where a streaming caller's bytes go as the function writes them. */
  interface ChunkSink {
    /** Forwards {@code length} bytes; called from one thread at a time, in order. */
    void chunk(byte[] bytes, int offset, int length) throws IOException;
  }

  private final String requestId = UUID.randomUUID().toString();
  private final byte[] payload;
  private final String clientContext;
  private final boolean tail;
  private final String invokedArn;
  private final String executedVersion;
  private final ChunkSink streamTo;
  private final LogTail log = new LogTail();
  private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

  /**
   * @param clientContext the decoded client context JSON, or null
   * @param streamTo where to forward a streaming function's bytes, or null to buffer them
   */
  Invocation(byte[] payload, String clientContext, boolean tail, String invokedArn, String executedVersion,
      ChunkSink streamTo) {
    this.payload = payload;
    this.clientContext = clientContext;
    this.tail = tail;
    this.invokedArn = invokedArn;
    this.executedVersion = executedVersion;
    this.streamTo = streamTo;
  }

  String requestId() {
    return requestId;
  }

  byte[] payload() {
    return payload;
  }

  String clientContext() {
    return clientContext;
  }

  String invokedArn() {
    return invokedArn;
  }

  String executedVersion() {
    return executedVersion;
  }

  /** The streaming caller's sink, or null when the response is buffered. */
  ChunkSink streamTo() {
    return streamTo;
  }

  LogTail log() {
    return log;
  }

  /** Completes with the first outcome given; false when it was already complete. */
  boolean complete(Outcome result) {
    return outcome.complete(result);
  }

  boolean isDone() {
    return outcome.isDone();
  }

  CompletableFuture<Outcome> outcome() {
    return outcome;
  }

  /** {@code X-Amz-Log-Result}: base64 of the last 4 KB of this invocation's log, or null without Tail. */
  String logResult() {
    return tail ? Base64.getEncoder().encodeToString(log.last4k().getBytes(StandardCharsets.UTF_8)) : null;
  }
}
