package dev.s3batch.tools.lambda;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An error of the Lambda service itself, in the restJson1 form the SDKs turn into their exception
 * classes: the {@code x-amzn-ErrorType} header names the shape, the body is
 * {@code {"Type": ..., "message": ...}}. Names and statuses are those of the Lambda service model
 * (aws-sdk-java-v2, services/lambda, service-2.json). A request that gets one never reaches the
 * function.
 *
 * @param status the HTTP status
 * @param code the error shape's name
 * @param message what was wrong, naming the parameter
 */
record ServiceError(int status, String code, String message) {

  static ServiceError notFound(String message) {
    return new ServiceError(404, "ResourceNotFoundException", message);
  }

  /** A parameter breaks a constraint of the service model (Coral's validation; not a shape of the model). */
  static ServiceError validation(String message) {
    return new ServiceError(400, "ValidationException", message);
  }

  static ServiceError invalidParameter(String message) {
    return new ServiceError(400, "InvalidParameterValueException", message);
  }

  static ServiceError invalidContent(String message) {
    return new ServiceError(400, "InvalidRequestContentException", message);
  }

  /**
   * The payload is over the limit. Lambda answers {@code RequestEntityTooLargeException} (as AWS
   * CLI users see it), not the model's {@code RequestTooLargeException}.
   */
  static ServiceError tooLarge(String message) {
    return new ServiceError(413, "RequestEntityTooLargeException", message);
  }

  static ServiceError unsupportedMediaType(String message) {
    return new ServiceError(415, "UnsupportedMediaTypeException", message);
  }

  /** Every environment is busy and the queue is full; the caller may retry after a second. */
  static ServiceError throttled() {
    return new ServiceError(429, "TooManyRequestsException", "Rate Exceeded.");
  }

  /** Sends this error as the whole response. */
  void send(Response response, Callback callback) {
    response.setStatus(status);
    var headers = response.getHeaders();
    headers.put("x-amzn-ErrorType", code);
    headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    if (status == 429) {
      headers.put("Retry-After", "1");
    }
    response.write(true, java.nio.ByteBuffer.wrap(body()), callback);
  }

  /** The response body, restJson1: {@code {"Type":"User","message":...}} (429 adds its {@code Reason}). */
  byte[] body() {
    String reason = status == 429 ? "\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\"," : "";
    return ("{" + reason + "\"Type\":\"User\",\"message\":" + Json.quote(message) + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** Thrown where a request is read, caught where it is answered. */
  static final class Raised extends Exception {
    private final ServiceError error;

    Raised(ServiceError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }

    ServiceError error() {
      return error;
    }
  }

  Raised raise() {
    return new Raised(this);
  }
}
