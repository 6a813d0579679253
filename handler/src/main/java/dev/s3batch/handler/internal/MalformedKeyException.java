package dev.s3batch.handler.internal;

/** A task key that cannot be URL-decoded or parsed; the task fails permanently with this message. */
public final class MalformedKeyException extends Exception {
  public MalformedKeyException(String message) {
    super(message);
  }
}
