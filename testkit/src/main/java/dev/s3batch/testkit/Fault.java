package dev.s3batch.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link FaultProxy} does to a request it was told to break. Each is something real S3
 * (or the network) does now and then:
 *
 * <ul>
 *   <li>{@link #slowDown()}: 503 {@code SlowDown}, S3's throttling answer;
 *   <li>{@link #internalError()}: 500 {@code InternalError};
 *   <li>{@link #error(int, String)}: any S3 error answer (403 AccessDenied, 404 NoSuchBucket ...);
 *   <li>{@link #errorIn200()}: a 200 whose body is an {@code <Error>}, as CopyObject,
 *       UploadPartCopy and CompleteMultipartUpload may answer when they fail midway;
 *   <li>{@link #reset()}: the connection is reset (TCP RST) before any answer;
 *   <li>{@link #closed()}: the connection is closed (FIN) before any status line;
 *   <li>{@link #answerLost()}: the request reaches the server, which acts on it, but its answer is
 *       lost: the connection is closed before any status line (a copy S3 completed that the
 *       client must take for failed);
 *   <li>{@link #delay(Duration)}: the request is held, then forwarded (a slow S3).
 * </ul>
 *
 * <p>Except {@code delay} and {@code answerLost}, a fault answers instead of the server: the
 * request never reaches it.
 */
public sealed interface Fault {

  /** An S3 error answer: the status, and an XML {@code <Error>} body with the code and message. */
  record ErrorAnswer(int status, String code, String message) implements Fault {
    public ErrorAnswer {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The connection is reset before any answer. */
  record Reset() implements Fault {}

  /** The connection is closed, cleanly, before any status line; the request never reaches the server. */
  record Closed() implements Fault {}

  /** The request is forwarded and answered by the server, but the answer is dropped and the connection closed. */
  record AnswerLost() implements Fault {}

  /** The request is held for {@code delay}, then forwarded. */
  record Delay(Duration delay) implements Fault {
    public Delay {
      Objects.requireNonNull(delay, "delay");
    }
  }

  /** 503 SlowDown. */
  static Fault slowDown() {
    return new ErrorAnswer(503, "SlowDown", "Please reduce your request rate.");
  }

  /** 500 InternalError. */
  static Fault internalError() {
    return new ErrorAnswer(500, "InternalError", "We encountered an internal error. Please try again.");
  }

  /** Any S3 error answer with a generic message. */
  static Fault error(int status, String code) {
    return new ErrorAnswer(status, code, "injected " + code);
  }

  /** 200 with an InternalError body, as a CopyObject that failed midway. */
  static Fault errorIn200() {
    return new ErrorAnswer(200, "InternalError", "We encountered an internal error. Please try again.");
  }

  /** A reset connection. */
  static Fault reset() {
    return new Reset();
  }

  /** A connection closed before any status line, the request not forwarded. */
  static Fault closed() {
    return new Closed();
  }

  /** A request the server carries out whose answer is lost (the connection closes before any status line). */
  static Fault answerLost() {
    return new AnswerLost();
  }

  /** A request held for {@code delay}, then forwarded. */
  static Fault delay(Duration delay) {
    return new Delay(delay);
  }
}
