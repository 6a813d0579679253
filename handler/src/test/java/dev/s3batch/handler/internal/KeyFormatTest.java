package dev.s3batch.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.s3batch.testkit.NastyKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyFormatTest {

  private static final String JSON_KEY = "{\"origKey\": \"a\", \"newKey\": \"b\"}";
  private static final String ENCODED_JSON_KEY = "%7B%22origKey%22%3A%20%22a%22%2C%20%22newKey%22%3A%20%22b%22%7D";

  // ---- plain ------------------------------------------------------------------------------

  @Test
  void parsePlain_anyKey_isTheObjectKeyWithoutParameters() throws Exception {
    for (String key : NastyKeys.all()) {
      KeyFormat.ParsedKey parsed = KeyFormat.PLAIN.parse(key);
      assertThat(parsed.key()).isEqualTo(key);
      assertThat(parsed.parameters()).isEmpty();
    }
    assertThat(KeyFormat.PLAIN.parse(JSON_KEY).key()).isEqualTo(JSON_KEY);
    assertThat(KeyFormat.PLAIN.parse("key|upper").key()).isEqualTo("key|upper");
  }

  // ---- json -------------------------------------------------------------------------------

  @Test
  void parseJson_awsDocumentedKey_givesOrigKeyAndEveryParameter() throws Exception {
    KeyFormat.ParsedKey parsed = KeyFormat.JSON.parse(JSON_KEY);
    assertThat(parsed.key()).isEqualTo("a");
    assertThat(parsed.parameters()).containsOnly(entry("origKey", "a"), entry("newKey", "b"));
  }

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void parseJson_urlEncodedKeyAfterDecoding_givesOrigKey(KeyDecoding mode) throws Exception {
    KeyFormat.ParsedKey parsed = KeyFormat.JSON.parse(KeyDecoder.decode(ENCODED_JSON_KEY, mode));
    assertThat(parsed.key()).isEqualTo("a");
    assertThat(parsed.parameters().get("newKey")).isEqualTo("b");
  }

  @Test
  void parseJson_keyFieldInsteadOfOrigKey_isTheObjectKey() throws Exception {
    assertThat(KeyFormat.JSON.parse("{\"key\": \"photos/a b.jpg\"}").key()).isEqualTo("photos/a b.jpg");
    assertThat(KeyFormat.JSON.parse("{\"origKey\": \"o\", \"key\": \"k\"}").key()).isEqualTo("o");
    assertThat(KeyFormat.JSON.parse("{\"origKey\": null, \"key\": \"k\"}").key()).isEqualTo("k");
  }

  @Test
  void parseJson_nonStringValues_areKeptAsJsonTextAndNullsDropped() throws Exception {
    KeyFormat.ParsedKey parsed =
        KeyFormat.JSON.parse("{\"origKey\": \"k\", \"n\": 5, \"b\": true, \"o\": {\"x\": [1, 2]}, \"z\": null}");
    assertThat(parsed.parameters())
        .containsOnly(entry("origKey", "k"), entry("n", "5"), entry("b", "true"), entry("o", "{\"x\":[1,2]}"));
  }

  @Test
  void parseJson_keyWithSpecialCharacters_keepsThemExactly() throws Exception {
    String json = "{\"origKey\": \"dir/ü 😀,\\\"q\\\"\\n|x\", \"newKey\": \"+%\"}";
    KeyFormat.ParsedKey parsed = KeyFormat.JSON.parse(json);
    assertThat(parsed.key()).isEqualTo("dir/ü 😀,\"q\"\n|x");
    assertThat(parsed.parameters()).containsEntry("newKey", "+%");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"origKey\": \"a\"", "{not json}", "{\"origKey\": \"a\"} trailing}",
      "{\"origKey\": \"a\", \"origKey\": \"b\"}"})
  void parseJson_brokenJson_failsNamingTheKey(String key) {
    assertThatThrownBy(() -> KeyFormat.JSON.parse(key))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("\"" + key + "\"")
        .hasMessageContaining("is not JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[\"a\"]", "\"a\"", "42", "null", "true", "", " "})
  void parseJson_jsonThatIsNotAnObject_fails(String key) {
    assertThatThrownBy(() -> KeyFormat.JSON.parse(key))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("\"" + key + "\" is not a JSON object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"newKey\": \"b\"}", "{\"origKey\": \"\"}", "{\"origKey\": null}"})
  void parseJson_objectNamingNoObjectKey_fails(String key) {
    assertThatThrownBy(() -> KeyFormat.JSON.parse(key))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining(key)
        .hasMessageContaining("needs a non-empty string \"origKey\" (or \"key\") field");
  }

  // ---- pipe -------------------------------------------------------------------------------

  @Test
  void parsePipe_keyAndArgument_splitAtTheBar() throws Exception {
    KeyFormat.ParsedKey parsed = KeyFormat.PIPE.parse("key|upper");
    assertThat(parsed.key()).isEqualTo("key");
    assertThat(parsed.parameters()).containsOnly(entry(KeyFormat.PIPE_ARGUMENT, "upper"));
  }

  @Test
  void parsePipe_keyHoldingBars_splitsAtTheLastBar() throws Exception {
    KeyFormat.ParsedKey parsed = KeyFormat.PIPE.parse("a|b|upper");
    assertThat(parsed.key()).isEqualTo("a|b");
    assertThat(parsed.parameters().get(KeyFormat.PIPE_ARGUMENT)).isEqualTo("upper");
  }

  @Test
  void parsePipe_emptyArgument_isAnEmptyParameter() throws Exception {
    KeyFormat.ParsedKey parsed = KeyFormat.PIPE.parse("photos/a b.jpg|");
    assertThat(parsed.key()).isEqualTo("photos/a b.jpg");
    assertThat(parsed.parameters()).isEqualTo(Map.of(KeyFormat.PIPE_ARGUMENT, ""));
  }

  @Test
  void parsePipe_noBar_failsNamingTheKey() {
    assertThatThrownBy(() -> KeyFormat.PIPE.parse("plain.txt"))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage("key \"plain.txt\" has no '|': the pipe key format is key|argument");
  }

  @Test
  void parsePipe_nothingBeforeTheBar_fails() {
    assertThatThrownBy(() -> KeyFormat.PIPE.parse("|upper"))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("\"|upper\" has nothing before its '|'");
  }

  // ---- auto -------------------------------------------------------------------------------

  @Test
  void parseAuto_jsonObject_isReadAsJson() throws Exception {
    KeyFormat.ParsedKey parsed = KeyFormat.AUTO.parse(JSON_KEY);
    assertThat(parsed.key()).isEqualTo("a");
    assertThat(parsed.parameters()).containsEntry("newKey", "b");
    assertThat(KeyFormat.AUTO.parse("  " + JSON_KEY + "\n").key()).isEqualTo("a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"photos/cat.jpg", "key|upper", "braces{not json}", "{not json}", "{\"origKey\": \"a\"",
      "{\"origKey\": \"a\"} trailing}", "{\"origKey\": \"a\", \"origKey\": \"b\"}", "[\"a\"]", "\"a\"", "42",
      "null", "true", "{", "}", "{}x"})
  void parseAuto_notAJsonObject_isPlain(String key) throws Exception {
    KeyFormat.ParsedKey parsed = KeyFormat.AUTO.parse(key);
    assertThat(parsed.key()).isEqualTo(key);
    assertThat(parsed.parameters()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"looks\":\"like json\"}", "{\"newKey\": \"b\"}", "{}", "{\"Key\": \"a\"}"})
  void parseAuto_jsonObjectWithoutKeyField_isAPlainKey(String key) throws Exception {
    KeyFormat.ParsedKey parsed = KeyFormat.AUTO.parse(key);
    assertThat(parsed.key()).isEqualTo(key);
    assertThat(parsed.parameters()).isEmpty();
  }

  @Test
  void parseAuto_jsonObjectWithEmptyKeyField_failsRatherThanGuess() {
    assertThatThrownBy(() -> KeyFormat.AUTO.parse("{\"origKey\": \"\", \"newKey\": \"b\"}"))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("needs a non-empty string \"origKey\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"origKey\": \"photos/a.jpg\", \"newKey\": 5}|newKey|a number",
      "{\"origKey\": 5}|origKey|a number",
      "{\"key\": [\"a\"]}|key|an array",
      "{\"origKey\": {\"k\": \"a\"}}|origKey|an object",
      "{\"key\": \"a\", \"destinationBucket\": true}|destinationBucket|a boolean",
      "{\"key\": \"a\", \"sha256\": 12}|sha256|a number"})
  void parseAutoAndJson_textFieldOfAnotherType_failsNamingFieldAndType(String key, String field, String kind) {
    for (KeyFormat format : new KeyFormat[] {KeyFormat.AUTO, KeyFormat.JSON}) {
      assertThatThrownBy(() -> format.parse(key))
          .isInstanceOf(MalformedKeyException.class)
          .hasMessage("field \"" + field + "\" of the JSON key is " + kind + ", not a string; key " + key);
    }
  }

  @Test
  void parseAuto_pipeKeysOfAnActionReadingThem_areSplitAndOthersStayPlain() throws Exception {
    KeyFormat.ParsedKey pipe = KeyFormat.AUTO.parse("poems/a|b.txt|upper", KeyFormat.PIPE);
    assertThat(pipe.key()).isEqualTo("poems/a|b.txt");
    assertThat(pipe.parameters()).containsOnly(entry(KeyFormat.PIPE_ARGUMENT, "upper"));
    assertThat(KeyFormat.AUTO.parse("plain.txt", KeyFormat.PIPE).parameters()).isEmpty();
    assertThat(KeyFormat.AUTO.parse("|upper", KeyFormat.PIPE).key()).isEqualTo("|upper");
    assertThat(KeyFormat.AUTO.parse("{\"key\": \"s.txt\", \"revision\": \"upper\"}", KeyFormat.PIPE).key())
        .isEqualTo("s.txt");
    assertThat(KeyFormat.AUTO.parse("key|upper").key()).isEqualTo("key|upper");
  }

  @Test
  void parseAuto_nastyKeyCorpus_plainUnlessAJsonObject() throws Exception {
    for (String key : NastyKeys.all()) {
      KeyFormat.ParsedKey parsed = KeyFormat.AUTO.parse(key);
      if (key.equals("{\"origKey\": \"not-really\"}")) {
        // The documented ambiguity: a real object key that is a JSON object reads as JSON in auto.
        assertThat(parsed.key()).isEqualTo("not-really");
      } else {
        assertThat(parsed.key()).as(key).isEqualTo(key);
        assertThat(parsed.parameters()).as(key).isEmpty();
      }
    }
  }

  // ---- settings ---------------------------------------------------------------------------

  @Test
  void fromSetting_knownAndUnknownValues_mapToFormatOrEmpty() {
    assertThat(KeyFormat.fromSetting("plain")).contains(KeyFormat.PLAIN);
    assertThat(KeyFormat.fromSetting("json")).contains(KeyFormat.JSON);
    assertThat(KeyFormat.fromSetting("pipe")).contains(KeyFormat.PIPE);
    assertThat(KeyFormat.fromSetting("auto")).contains(KeyFormat.AUTO);
    assertThat(KeyFormat.fromSetting("JSON")).isEmpty();
    assertThat(KeyFormat.fromSetting("csv")).isEmpty();
  }
}
