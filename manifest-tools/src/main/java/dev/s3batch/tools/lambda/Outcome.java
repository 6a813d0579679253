package dev.s3batch.tools.lambda;

import java.nio.charset.StandardCharsets;

/** How one invocation ended, as the Invoke APIs report it. */
sealed interface Outcome {

  /**
   * The function returned. {@code payload} is the whole response of a buffered function, or what
   * was not already forwarded to a streaming caller.
   */
  record Returned(byte[] payload) implements Outcome {}

  /**
   * A function error ({@code X-Amz-Function-Error: Unhandled}): {@code body} is the JSON the
   * caller gets, {@code errorType} what it names (null when Lambda's own payload names none).
   */
  record Failed(String errorType, byte[] body) implements Outcome {

    /** A failure whose body is {@code {"errorMessage": message, "errorType": errorType}}. */
    static Failed of(String errorType, String message) {
      String json = "{\"errorMessage\":" + Json.quote(message)
          + (errorType == null ? "" : ",\"errorType\":" + Json.quote(errorType)) + "}";
      return new Failed(errorType, json.getBytes(StandardCharsets.UTF_8));
    }
  }
}
