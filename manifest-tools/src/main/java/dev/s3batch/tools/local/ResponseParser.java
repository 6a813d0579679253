package dev.s3batch.tools.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.s3batch.handler.response.ResultCode;
import java.io.IOException;

/**
 * Reads the function's output bytes as S3 Batch Operations does: a JSON object whose
 * {@code results} array holds an entry with the task's {@code taskId} and a known
 * {@code resultCode}; {@code resultString} may be absent. Anything else is an
 * {@link InvocationOutcome.InvalidResponse}. Read with jackson-core's streaming parser, token by
 * token, as jackson-databind's tree would read it (the last of repeated names wins, a value that is
 * not a string read as its text, an object or array as empty) without building the tree: this runs
 * once per task of {@code job run-local} ({@code ResponseParserTest} checks it against the tree).
 * Thread-safe.
 */
public final class ResponseParser {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private ResponseParser() {}

  /** The outcome of one invocation for the task {@code taskId}. */
  public static InvocationOutcome parse(LocalInvoker.Invocation invocation, String taskId) {
    if (invocation.functionError() != null) {
      return new InvocationOutcome.FunctionError(invocation.functionError());
    }
    try (JsonParser p = FACTORY.createParser(invocation.output())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new InvocationOutcome.InvalidResponse("not a JSON object");
      }
      InvocationOutcome outcome = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if ("results".equals(name)) {
          outcome = results(p, taskId);
        } else {
          p.skipChildren();
        }
      }
      return outcome != null ? outcome : new InvocationOutcome.InvalidResponse("no results array");
    } catch (IOException e) {
      return new InvocationOutcome.InvalidResponse("not JSON: " + e.getMessage());
    }
  }

  /** The outcome that the {@code results} value at {@code p} gives, read to its end. */
  private static InvocationOutcome results(JsonParser p, String taskId) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return new InvocationOutcome.InvalidResponse("no results array");
    }
    InvocationOutcome outcome = null;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      String id = null;
      String code = "";
      String resultString = "";
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "taskId" -> id = text(p, value, null);
          case "resultCode" -> code = text(p, value, "");
          case "resultString" -> resultString = text(p, value, "");
          default -> p.skipChildren();
        }
      }
      if (outcome == null && taskId.equals(id)) {
        outcome = answered(code, resultString);
      }
    }
    return outcome != null ? outcome : new InvocationOutcome.InvalidResponse("no result for task " + taskId);
  }

  private static InvocationOutcome answered(String code, String resultString) {
    ResultCode resultCode;
    try {
      resultCode = ResultCode.valueOf(code);
    } catch (IllegalArgumentException e) {
      return new InvocationOutcome.InvalidResponse("unknown resultCode \"" + code + "\"");
    }
    return new InvocationOutcome.Answered(resultCode, resultString);
  }

  /** A value's text as the tree's {@code asText(orNull)} gives it: {@code orNull} for null, "" for an object or array. */
  private static String text(JsonParser p, JsonToken value, String orNull) throws IOException {
    return switch (value) {
      case VALUE_STRING -> p.getText();
      case VALUE_NULL -> orNull;
      case VALUE_NUMBER_INT -> p.getNumberValue().toString();
      case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      default -> {
        p.skipChildren();
        yield "";
      }
    };
  }
}
