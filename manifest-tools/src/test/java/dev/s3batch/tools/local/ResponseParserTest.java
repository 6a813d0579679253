package dev.s3batch.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.handler.response.ResultCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ResponseParser} (jackson-core's streaming parser) against the jackson-databind tree it
 * replaced, kept here as the reference: the same outcome, result code and result string (the report
 * row) for hand-written answers and for seeded random ones built from the pieces functions get
 * wrong.
 */
class ResponseParserTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TASK = "dGFzay0x";

  @Test
  void parse_handlerAnswers_readsTaskResult() {
    assertThat(parse("{\"invocationSchemaVersion\":\"1.0\",\"treatMissingKeysAs\":\"PermanentFailure\","
        + "\"invocationId\":\"i\",\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\","
        + "\"resultString\":\"exists s3://b/k size=1\"}]}"))
        .isEqualTo(new InvocationOutcome.Answered(ResultCode.Succeeded, "exists s3://b/k size=1"));
    assertThat(parse("{\"results\":[{\"taskId\":\"other\",\"resultCode\":\"Succeeded\"},"
        + "{\"resultString\":null,\"resultCode\":\"TemporaryFailure\",\"taskId\":\"" + TASK + "\"}]}"))
        .isEqualTo(new InvocationOutcome.Answered(ResultCode.TemporaryFailure, ""));
    assertThat(parse("{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Maybe\"}]}"))
        .isInstanceOf(InvocationOutcome.InvalidResponse.class);
    assertThat(parse("not json")).isInstanceOf(InvocationOutcome.InvalidResponse.class);
  }

  @Test
  void parse_handWrittenAnswers_sameAsDatabindTree() {
    String[] answers = {
      "", " ", "null", "[]", "\"results\"", "{}", "{\"results\":null}", "{\"results\":{}}", "{\"results\":[]}",
      "{\"results\":[1,\"x\",null,[]]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\",\"resultString\":12}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\",\"resultString\":-0}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\",\"resultString\":1e2}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\",\"resultString\":123456789012345678901234}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\",\"resultString\":true}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\",\"resultString\":{\"a\":[1]}}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\",\"resultString\":[\"a\"]}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":null}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":[\"Succeeded\"]}]}",
      "{\"results\":[{\"taskId\":null,\"resultCode\":\"Succeeded\"}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"taskId\":\"x\",\"resultCode\":\"Succeeded\"}]}",
      "{\"results\":[{\"taskId\":\"x\",\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\"}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\",\"resultCode\":\"PermanentFailure\"}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\"}],\"results\":[]}",
      "{\"results\":[],\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\"}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\"}]} trailing",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\"}],}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\"}]",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\",\"resultString\":\"caf\u00e9 \\u00e9 \\\"q\\\"\"}]}",
      "{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\"},{\"taskId\":\"" + TASK
          + "\",\"resultCode\":\"PermanentFailure\"}]}",
      "{\"other\":{\"results\":[{\"taskId\":\"" + TASK + "\",\"resultCode\":\"Succeeded\"}]}}",
    };
    for (String answer : answers) {
      assertSameAsTree(answer.getBytes(StandardCharsets.UTF_8));
    }
    assertSameAsTree(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'});
  }

  @Test
  void parse_seededRandomAnswers_sameAsDatabindTree() {
    SplittableRandom random = new SplittableRandom(3);
    String[] values = {"\"" + TASK + "\"", "\"x\"", "null", "1", "2.5", "true", "{}", "[]", "\"Succeeded\"",
        "\"PermanentFailure\"", "\"TemporaryFailure\"", "\"ok, \\\"fine\\\"\"", "{\"taskId\":\"" + TASK + "\"}"};
    String[] names = {"taskId", "resultCode", "resultString", "results", "other"};
    for (int n = 0; n < 3000; n++) {
      StringBuilder json = new StringBuilder("{");
      for (int f = random.nextInt(3); f >= 0; f--) {
        json.append(f < 2 ? "" : ",").append("\"").append(random.nextInt(4) == 0 ? "other" : "results").append("\":[");
        for (int e = random.nextInt(3); e >= 0; e--) {
          json.append("{");
          for (int k = random.nextInt(4); k >= 0; k--) {
            json.append('"').append(names[random.nextInt(names.length)]).append("\":")
                .append(values[random.nextInt(values.length)]).append(k > 0 ? "," : "");
          }
          json.append(e > 0 ? "}," : "}");
        }
        json.append("]").append(f > 0 ? "," : "");
      }
      json.append("}");
      byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(5) == 0) { // break one byte
        bytes[random.nextInt(bytes.length)] = (byte) ",:{}[]\"x".charAt(random.nextInt(8));
      }
      assertSameAsTree(bytes);
    }
  }

  private static InvocationOutcome parse(String json) {
    return ResponseParser.parse(new LocalInvoker.Invocation(json.getBytes(StandardCharsets.UTF_8), null), TASK);
  }

  private static void assertSameAsTree(byte[] output) {
    InvocationOutcome expected = tree(output);
    InvocationOutcome actual = ResponseParser.parse(new LocalInvoker.Invocation(output, null), TASK);
    String answer = new String(output, StandardCharsets.UTF_8);
    if (expected instanceof InvocationOutcome.InvalidResponse) {
      assertThat(actual).as(answer).isInstanceOf(InvocationOutcome.InvalidResponse.class);
    } else {
      assertThat(actual).as(answer).isEqualTo(expected);
    }
  }

  /** The parser this class had before, on jackson-databind's tree. */
  private static InvocationOutcome tree(byte[] output) {
    JsonNode root;
    try {
      root = MAPPER.readTree(output);
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
      if (!TASK.equals(r.path("taskId").asText(null))) {
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
    return new InvocationOutcome.InvalidResponse("no result for task " + TASK);
  }
}
