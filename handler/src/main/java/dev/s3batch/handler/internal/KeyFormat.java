package dev.s3batch.handler.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a decoded task key is read ({@code S3BATCH_KEY_FORMAT} / {@code keyFormat}).
 *
 * <ul>
 *   <li>{@code plain}: the key is the object key.
 *   <li>{@code json}: the key is a JSON object of task parameters, as in AWS's documents
 *       ({@code {"origKey": "a", "newKey": "b"}}); the object key is {@code origKey} (or
 *       {@code key}). Anything else fails the task.
 *   <li>{@code pipe}: {@code key|argument}, as in AWS's revision example; split at the last
 *       {@code |}, so keys that hold a {@code |} still work. A key without {@code |} or with
 *       nothing before it fails the task.
 *   <li>{@code auto} (the default): {@code json} when the key parses as a JSON object, else
 *       {@code plain} (so {@code {not json}} and {@code ["a"]} are plain keys). A JSON object
 *       without a string {@code origKey} or {@code key} still fails the task.
 * </ul>
 *
 * <pre>{@code
 * KeyFormat.AUTO.parse("{\"origKey\": \"a\", \"newKey\": \"b\"}"); // key "a", parameters origKey, newKey
 * KeyFormat.PIPE.parse("a|b|upper");                              // key "a|b", parameter argument=upper
 * }</pre>
 */
public enum KeyFormat {
  /** The decoded key is the object key. */
  PLAIN("plain"),
  /** The decoded key is a JSON object of task parameters naming the object in {@code origKey} or {@code key}. */
  JSON("json"),
  /** The decoded key is {@code key|argument}, split at the last {@code |}. */
  PIPE("pipe"),
  /** {@link #JSON} for a JSON object, else {@link #PLAIN} (the default). */
  AUTO("auto");

  /** The task parameter that holds the part after the {@code |} of a pipe key. */
  public static final String PIPE_ARGUMENT = "argument";

  private final String setting;

  KeyFormat(String setting) {
    this.setting = setting;
  }

  /** The setting's value. */
  public String setting() {
    return setting;
  }

  /** The format named by a setting value, empty for an unknown one. */
  public static Optional<KeyFormat> fromSetting(String value) {
    for (KeyFormat f : values()) {
      if (f.setting.equals(value)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** A key read in this format: the object key and the task parameters. */
  public record ParsedKey(String key, Map<String, String> parameters) {
    public ParsedKey {
      parameters = Map.copyOf(parameters);
    }
  }

  /** Reads a decoded key. */
  public ParsedKey parse(String decoded) throws MalformedKeyException {
    return switch (this) {
      case PLAIN -> new ParsedKey(decoded, Map.of());
      case JSON -> json(decoded, true);
      case PIPE -> pipe(decoded);
      case AUTO -> looksLikeJsonObject(decoded) ? json(decoded, false) : new ParsedKey(decoded, Map.of());
    };
  }

  private static boolean looksLikeJsonObject(String s) {
    String t = s.strip();
    return t.startsWith("{") && t.endsWith("}");
  }

  private static ParsedKey pipe(String decoded) throws MalformedKeyException {
    int bar = decoded.lastIndexOf('|');
    if (bar < 0) {
      throw new MalformedKeyException("key \"" + decoded + "\" has no '|': the pipe key format is key|argument");
    }
    if (bar == 0) {
      throw new MalformedKeyException(
          "key \"" + decoded + "\" has nothing before its '|': the pipe key format is key|argument");
    }
    return new ParsedKey(decoded.substring(0, bar), Map.of(PIPE_ARGUMENT, decoded.substring(bar + 1)));
  }

  private static ParsedKey json(String decoded, boolean strict) throws MalformedKeyException {
    JsonNode node;
    try {
      node = Json.STRICT.readTree(decoded);
    } catch (JsonProcessingException e) {
      if (!strict) {
        return new ParsedKey(decoded, Map.of());
      }
      throw new MalformedKeyException(
          "key \"" + decoded + "\" is not JSON (keyFormat json): " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      if (!strict) {
        return new ParsedKey(decoded, Map.of());
      }
      throw new MalformedKeyException("key \"" + decoded + "\" is not a JSON object (keyFormat json)");
    }
    Map<String, String> params = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      JsonNode v = e.getValue();
      if (!v.isNull()) {
        params.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
      }
    }
    JsonNode named = node.hasNonNull("origKey") ? node.get("origKey") : node.get("key");
    String key = named != null && named.isTextual() ? named.asText() : null;
    if (key == null || key.isEmpty()) {
      throw new MalformedKeyException(
          "JSON key " + decoded + " names no object: it needs a non-empty string \"origKey\" (or \"key\") field");
    }
    return new ParsedKey(key, params);
  }
}
