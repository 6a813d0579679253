package dev.s3batch.tools.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.handler.response.ResultCode;
import java.io.IOException;

/**
 * Reads the function's output bytes as S3 Batch Operations does: a JSON object whose
 * {@code results} array holds an entry with the task's {@code taskId} and a known
 * {@code resultCode}; {@code resultString} may be absent. Anything else is an
 * {@link InvocationOutcome.InvalidResponse}. Thread-safe.
 */
public final class ResponseParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ResponseParser() {}

  /** The outcome of one invocation for the task {@code taskId}. */
  public static InvocationOutcome parse(LocalInvoker.Invocation invocation, String taskId) {
    if (invocation.functionError() != null) {
      return new InvocationOutcome.FunctionError(invocation.functionError());
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(invocation.output());
    } catch (IOException e) {
      return new InvocationOutcome.InvalidResponse("not JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return new InvocationOutcome.InvalidResponse("not a JSON object");
    }
    JsonNode results = root.get("results");
    if (results == null || !results.isArray()) {
      return new InvocationOutcome.InvalidResponse("no results array");
    }
    for (JsonNode r : results) {
      if (!taskId.equals(r.path("taskId").asText(null))) {
        continue;
      }
      String code = r.path("resultCode").asText("");
      ResultCode resultCode;
      try {
        resultCode = ResultCode.valueOf(code);
      } catch (IllegalArgumentException e) {
        return new InvocationOutcome.InvalidResponse("unknown resultCode \"" + code + "\"");
      }
      JsonNode s = r.get("resultString");
      return new InvocationOutcome.Answered(resultCode, s == null || s.isNull() ? "" : s.asText());
    }
    return new InvocationOutcome.InvalidResponse("no result for task " + taskId);
  }
}
