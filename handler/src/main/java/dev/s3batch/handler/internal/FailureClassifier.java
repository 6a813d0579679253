package dev.s3batch.handler.internal;

import dev.s3batch.handler.spi.TaskOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns an exception thrown while running a task into that task's outcome. The whole table, in
 * the order it is applied:
 *
 * <table>
 *   <caption>exception to result code</caption>
 *   <tr><th>cause</th><th>result</th></tr>
 *   <tr><td>malformed key, bad task parameters ({@link MalformedKeyException}, {@link IllegalArgumentException})</td><td>PermanentFailure</td></tr>
 *   <tr><td>S3 error code SlowDown, Throttling, ThrottlingException, RequestLimitExceeded, TooManyRequestsException,
 *       RequestTimeout, InternalError, ServiceUnavailable, OperationAborted, PriorRequestNotComplete</td><td>TemporaryFailure</td></tr>
 *   <tr><td>HTTP 429, 500, 502, 503, 504</td><td>TemporaryFailure</td></tr>
 *   <tr><td>an S3 error inside an HTTP 200 (CopyObject, UploadPartCopy, CompleteMultipartUpload failing
 *       midway)</td><td>TemporaryFailure</td></tr>
 *   <tr><td>NoSuchKey / bodiless 404 (HEAD) on an object</td><td>PermanentFailure; TemporaryFailure with
 *       {@code missingKey=temporary}</td></tr>
 *   <tr><td>any other S3 error (403, NoSuchBucket, NoSuchVersion, 400 InvalidRequest, 412, ...)</td><td>PermanentFailure</td></tr>
 *   <tr><td>client-side timeout, connection fault (an {@link IOException} cause), interruption</td><td>TemporaryFailure</td></tr>
 *   <tr><td>any other SDK client error (configuration, credentials)</td><td>PermanentFailure</td></tr>
 *   <tr><td>anything else (a bug in an action)</td><td>PermanentFailure</td></tr>
 * </table>
 *
 * <p>Messages carry the S3 error code, the HTTP status and the request id. See
 * <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html">S3 error responses</a>
 * (which lists the 5xx and throttling codes to retry), <a
 * href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html">CopyObject</a> (errors in a
 * 200 response) and <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-invoke-lambda.html">result
 * codes</a>.
 */
public final class FailureClassifier {

  /**
   * How the result string of a connection fault (no answer from S3: refused, reset, timed out)
   * begins; a local job runner reads it to tell an unreachable S3 from failing tasks.
   */
  public static final String CONNECTION_FAULT = "connection fault: ";

  /** S3 (and AWS) error codes that mean "try again later". */
  public static final Set<String> TEMPORARY_ERROR_CODES =
      Set.of(
          "SlowDown",
          "Throttling",
          "ThrottlingException",
          "ThrottledException",
          "RequestLimitExceeded",
          "TooManyRequestsException",
          "RequestThrottled",
          "RequestTimeout",
          "RequestTimeoutException",
          "InternalError",
          "ServiceUnavailable",
          "OperationAborted",
          "PriorRequestNotComplete");

  /** The status of an S3 error sent inside a 200 answer (a copy that failed midway): try again. */
  public static final int ERROR_IN_200 = 200;

  /** HTTP statuses that mean "try again later". */
  public static final Set<Integer> TEMPORARY_STATUSES = Set.of(429, 500, 502, 503, 504);

  private final boolean missingKeyIsTemporary;

  /** A classifier where a missing key is a permanent failure (the default). */
  public FailureClassifier() {
    this(false);
  }

  /** A classifier; {@code missingKeyIsTemporary} makes NoSuchKey a temporary failure. */
  public FailureClassifier(boolean missingKeyIsTemporary) {
    this.missingKeyIsTemporary = missingKeyIsTemporary;
  }

  /** The outcome of a task that ended with {@code failure}. */
  public TaskOutcome classify(Throwable failure) {
    if (failure instanceof MalformedKeyException || failure instanceof IllegalArgumentException) {
      return TaskOutcome.permanentFailure(String.valueOf(failure.getMessage()), "");
    }
    if (failure instanceof AwsServiceException e) {
      return service(e);
    }
    if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
      return TaskOutcome.temporaryFailure("client timeout: " + failure.getMessage(), "ClientTimeout");
    }
    if (failure instanceof InterruptedException || failure instanceof AbortedException) {
      return TaskOutcome.temporaryFailure("interrupted: " + describe(failure), "Interrupted");
    }
    if (failure instanceof IOException || failure instanceof UncheckedIOException || hasIoCause(failure)) {
      return TaskOutcome.temporaryFailure(CONNECTION_FAULT + describe(rootCause(failure)), "ConnectionFault");
    }
    if (failure instanceof SdkClientException) {
      return TaskOutcome.permanentFailure("SDK client error: " + failure.getMessage(), "ClientError");
    }
    return TaskOutcome.permanentFailure("action failed: " + describe(failure), failure.getClass().getSimpleName());
  }

  private TaskOutcome service(AwsServiceException e) {
    String code = errorCode(e);
    String message = "S3 error " + code + " (HTTP " + e.statusCode() + ", request id "
        + (e.requestId() == null ? "none" : e.requestId()) + "): " + errorMessage(e);
    if (TEMPORARY_ERROR_CODES.contains(code) || TEMPORARY_STATUSES.contains(e.statusCode())
        || e.statusCode() == ERROR_IN_200) {
      return TaskOutcome.temporaryFailure(message, code);
    }
    if (("NoSuchKey".equals(code) || "NotFound".equals(code)) && missingKeyIsTemporary) {
      return TaskOutcome.temporaryFailure(message, code);
    }
    return TaskOutcome.permanentFailure(message, code);
  }

  /** The S3 error code; for bodiless answers (HEAD) one derived from the status. */
  static String errorCode(AwsServiceException e) {
    if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
        && !e.awsErrorDetails().errorCode().isEmpty()) {
      return e.awsErrorDetails().errorCode();
    }
    return switch (e.statusCode()) {
      case 301 -> "PermanentRedirect";
      case 400 -> "BadRequest";
      case 403 -> "AccessDenied";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 412 -> "PreconditionFailed";
      case 429 -> "TooManyRequests";
      case 500 -> "InternalError";
      case 503 -> "ServiceUnavailable";
      default -> "HTTP" + e.statusCode();
    };
  }

  private static String errorMessage(AwsServiceException e) {
    if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
      return e.awsErrorDetails().errorMessage();
    }
    String m = e.getMessage();
    return m == null ? "" : m;
  }

  private static boolean hasIoCause(Throwable t) {
    for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  private static String describe(Throwable t) {
    return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
