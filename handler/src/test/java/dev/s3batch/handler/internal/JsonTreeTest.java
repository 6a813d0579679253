package dev.s3batch.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JsonTree replaced jackson-databind in the function: it must read and write JSON as databind's tree did. */
class JsonTreeTest {

  private static final ObjectMapper DATABIND = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"origKey\": \"a\", \"n\": 5, \"big\": 12345678901234567890, \"f\": 1.5, \"e\": 1e20, \"b\": true, \"z\": null}",
      "{\"o\": {\"x\": [1, 2, {\"y\": []}]}, \"s\": \"dir/ü 😀,\\\"q\\\"\\n\\t|x\\u0001\"}",
      "[1, \"two\", false, null, -0.0]",
      "{\"a\": 1, \"a\": 2, \"b\": 3}",
      "\"just a string\"",
      "{\"k\": \"v\"} trailing text"})
  void read_anyJson_givesWhatDatabindsTreeGives(String json) throws Exception {
    assertThat(JsonTree.toJson(JsonTree.read(json))).isEqualTo(DATABIND.readTree(json).toString());
  }

  @Test
  void read_scalars_haveTheTextDatabindGave() throws Exception {
    Map<?, ?> object = (Map<?, ?>) JsonTree.read("{\"n\": 5, \"f\": 0.1, \"b\": false, \"s\": \"x\"}");
    var tree = DATABIND.readTree("{\"n\": 5, \"f\": 0.1, \"b\": false, \"s\": \"x\"}");
    for (String field : List.of("n", "f", "b", "s")) {
      assertThat(JsonTree.text(object.get(field))).isEqualTo(tree.get(field).asText());
    }
  }

  @Test
  void readStrict_oneValue_isRead() throws Exception {
    assertThat(JsonTree.readStrict("  {\"origKey\": \"a\"}\n")).isEqualTo(Map.of("origKey", "a"));
    assertThat(JsonTree.readStrict("   ")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": 1, \"a\": 2}", "{\"a\": 1} {\"b\": 2}", "{\"a\": 1} x", "{\"a\": 1", "[1, 2] 3"})
  void readStrict_duplicateFieldOrTextAfterTheValue_fails(String json) {
    assertThatThrownBy(() -> JsonTree.readStrict(json)).isInstanceOf(JsonProcessingException.class);
  }
}
