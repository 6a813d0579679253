package dev.s3batch.handler.event;

/**
 * An invocation the handler cannot answer at all: not JSON, no {@code invocationId}, no
 * {@code tasks}, a task without {@code taskId}, or an unknown schema version. Thrown out of the
 * handler, it fails the invocation, and S3 reports "Lambda returned function error: ..." with
 * this message.
 */
public final class InvalidEventException extends RuntimeException {
  public InvalidEventException(String message) {
    super(message);
  }

  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
