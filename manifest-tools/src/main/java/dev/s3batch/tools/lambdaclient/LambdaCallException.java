package dev.s3batch.tools.lambdaclient;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Lambda did not run the invocation (after the retries {@link LambdaRetry} allows): it answered an
 * error status, or could not be reached. Carries what a report row and a message need.
 */
public final class LambdaCallException extends RuntimeException {

  /** The error code of an endpoint that could not be reached (no HTTP answer). */
  public static final String UNREACHABLE = "LambdaUnreachable";

  private final String httpStatus;
  private final String errorCode;
  private final boolean notFound;

  private LambdaCallException(String httpStatus, String errorCode, String message, boolean notFound, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.notFound = notFound;
  }

  /** The exception for what the SDK threw. */
  static LambdaCallException of(SdkException e) {
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() != null && s.awsErrorDetails().errorCode() != null
          ? s.awsErrorDetails().errorCode() : s.getClass().getSimpleName();
      String message = s.awsErrorDetails() != null && s.awsErrorDetails().errorMessage() != null
          ? s.awsErrorDetails().errorMessage() : String.valueOf(s.getMessage());
      return new LambdaCallException(Integer.toString(s.statusCode()), code,
          code + " (HTTP " + s.statusCode() + "): " + message, e instanceof ResourceNotFoundException, e);
    }
    return new LambdaCallException("", UNREACHABLE, "cannot reach Lambda: " + e.getMessage(), false, e);
  }

  /** The HTTP status Lambda answered, empty when it could not be reached. */
  public String httpStatus() {
    return httpStatus;
  }

  /** Lambda's error type ({@code x-amzn-ErrorType}, e.g. {@code TooManyRequestsException}), or {@link #UNREACHABLE}. */
  public String errorCode() {
    return errorCode;
  }

  /** True when the function (or its qualifier) does not exist. */
  public boolean notFound() {
    return notFound;
  }
}
