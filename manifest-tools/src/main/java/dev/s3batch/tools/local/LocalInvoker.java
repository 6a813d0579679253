package dev.s3batch.tools.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Calls a {@link RequestStreamHandler} as Lambda does: event bytes in, response bytes out. A
 * thrown exception is a function error, reported the way Lambda reports it
 * ({@code {"errorMessage": ..., "errorType": ...}}).
 */
public final class LocalInvoker {

  /** Built on first use: most runs never need it, and building it loads databind (a tenth of a second). */
  private static final class Lazy {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private LocalInvoker() {}

  /**
   * The result of one invocation.
   *
   * @param output the bytes the handler wrote (empty on a function error)
   * @param functionError Lambda's error payload for a thrown exception, or null
   */
  public record Invocation(byte[] output, String functionError) {
    /** True when the output parses and every result is {@code Succeeded}. */
    public boolean allSucceeded() {
      if (functionError != null) {
        return false;
      }
      try {
        JsonNode results = Lazy.MAPPER.readTree(output).path("results");
        for (JsonNode r : results) {
          if (!"Succeeded".equals(r.path("resultCode").asText())) {
            return false;
          }
        }
        return results.isArray();
      } catch (IOException e) {
        return false;
      }
    }
  }

  /** Invokes the handler once. */
  public static Invocation invoke(RequestStreamHandler handler, byte[] event, Context context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try {
      handler.handleRequest(new ByteArrayInputStream(event), out, context);
      return new Invocation(out.toByteArray(), null);
    } catch (Exception | StackOverflowError | LinkageError e) {
      return new Invocation(new byte[0], errorPayload(e));
    }
  }

  /** Lambda's error payload for a thrown exception. */
  static String errorPayload(Throwable e) {
    return Lazy.MAPPER.createObjectNode()
        .put("errorMessage", e.getMessage() == null ? e.getClass().getName() : e.getMessage())
        .put("errorType", e.getClass().getName())
        .toString();
  }
}
