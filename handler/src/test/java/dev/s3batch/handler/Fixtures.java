package dev.s3batch.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Test fixtures: event files under src/test/resources/events, and the response shape S3 expects. */
public final class Fixtures {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  /** The bytes of {@code events/<name>}. */
  public static byte[] event(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture events/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the handler on the bytes as Lambda does and parses its output. */
  public static JsonNode invoke(S3BatchHandler handler, byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, null);
    return MAPPER.readTree(out.toByteArray());
  }

  /** Parses JSON text. */
  public static JsonNode json(byte[] bytes) throws IOException {
    return MAPPER.readTree(bytes);
  }

  /**
   * Asserts the response has exactly the fields S3 Batch Operations reads, echoes the event's
   * schema version and invocation id, and answers each task in order with an exact result code.
   */
  public static void assertValidResponse(JsonNode response, JsonNode event) {
    assertThat(fieldNames(response))
        .containsExactly("invocationSchemaVersion", "treatMissingKeysAs", "invocationId", "results");
    assertThat(response.get("invocationSchemaVersion").asText())
        .isEqualTo(event.get("invocationSchemaVersion").asText());
    assertThat(response.get("treatMissingKeysAs").asText()).isEqualTo("PermanentFailure");
    assertThat(response.get("invocationId").asText()).isEqualTo(event.get("invocationId").asText());
    JsonNode results = response.get("results");
    JsonNode tasks = event.get("tasks");
    assertThat(results.size()).isEqualTo(tasks.size());
    for (int i = 0; i < results.size(); i++) {
      JsonNode r = results.get(i);
      assertThat(fieldNames(r)).containsExactly("taskId", "resultCode", "resultString");
      assertThat(r.get("taskId").asText()).isEqualTo(tasks.get(i).get("taskId").asText());
      assertThat(r.get("resultCode").asText()).isIn(Set.of("Succeeded", "TemporaryFailure", "PermanentFailure"));
      assertThat(r.get("resultString").isTextual()).isTrue();
      assertThat(r.get("resultString").asText()).doesNotContain("\n", "\r", "\t");
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
