package dev.s3batch.handler.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 *   <li>{@code auto} (the default): {@code json} when the key is a JSON object that carries a
 *       key field ({@code origKey} or {@code key}), else the action's own format for other keys
 *       ({@link dev.s3batch.handler.spi.ActionProvider#keyFormat()}): {@code plain}, so
 *       {@code {"looks":"like json"}}, {@code {not json}} and {@code ["a"]} are plain keys, or
 *       {@code pipe} for {@code revise}, where a key with a {@code |} after its first character is
 *       split at the last one and any other key is plain.
 * </ul>
 *
 * <p>Fields of a JSON key that the toolkit reads as text ({@link #TEXT_FIELDS}: {@code newKey}
 * and the like) must be JSON strings (or null, which counts as absent): {@code {"origKey": "a",
 * "newKey": 5}} fails the task naming the field, rather than copying to an object named
 * {@code 5}. Other values are kept as JSON text for the action.
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
  /** {@link #JSON} for a JSON object with a key field, else the action's format for other keys (the default). */
  AUTO("auto");

  /** The task parameter that holds the part after the {@code |} of a pipe key. */
  public static final String PIPE_ARGUMENT = "argument";

  /** The fields of a JSON key that must be JSON strings: the object key and the parameters the built-in actions read. */
  public static final Set<String> TEXT_FIELDS =
      Set.of("origKey", "key", "newKey", "destinationBucket", "tagMode", "sha256", "crc32c", "revision", PIPE_ARGUMENT);

  private static final Set<String> KEY_FIELDS = Set.of("origKey", "key");

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

  /** Reads a decoded key; under {@link #AUTO}, a key that is no JSON task-parameter object is a plain key. */
  public ParsedKey parse(String decoded) throws MalformedKeyException {
    return parse(decoded, PLAIN);
  }

  /**
   * Reads a decoded key; under {@link #AUTO}, a key that is no JSON task-parameter object is read
   * in {@code otherKeys}: {@link #PLAIN}, or {@link #PIPE} where a key without a {@code |} after
   * its first character stays a plain key.
   */
  public ParsedKey parse(String decoded, KeyFormat otherKeys) throws MalformedKeyException {
    return switch (this) {
      case PLAIN -> new ParsedKey(decoded, Map.of());
      case JSON -> json(decoded, strictObject(decoded));
      case PIPE -> pipe(decoded);
      case AUTO -> {
        Optional<Map<String, Object>> parameters = parameterObject(decoded);
        if (parameters.isPresent()) {
          yield json(decoded, parameters.get());
        }
        yield otherKeys == PIPE && decoded.lastIndexOf('|') > 0 ? pipe(decoded) : new ParsedKey(decoded, Map.of());
      }
    };
  }

  /** The key as a JSON object, when it is one that carries a key field. */
  private static Optional<Map<String, Object>> parameterObject(String decoded) {
    String t = decoded.strip();
    if (!t.startsWith("{") || !t.endsWith("}")) {
      return Optional.empty();
    }
    try {
      return JsonTree.readStrict(decoded) instanceof Map<?, ?> object && KEY_FIELDS.stream().anyMatch(object::containsKey)
          ? Optional.of(fields(object))
          : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Map<String, Object> strictObject(String decoded) throws MalformedKeyException {
    Object node;
    try {
      node = JsonTree.readStrict(decoded);
    } catch (JsonProcessingException e) {
      throw new MalformedKeyException(
          "key \"" + decoded + "\" is not JSON (keyFormat json): " + e.getOriginalMessage());
    }
    if (!(node instanceof Map<?, ?> object)) {
      throw new MalformedKeyException("key \"" + decoded + "\" is not a JSON object (keyFormat json)");
    }
    return fields(object);
  }

  /** A JSON object as {@link JsonTree} reads it: string field names. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(Map<?, ?> object) {
    return (Map<String, Object>) object;
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

  private static ParsedKey json(String decoded, Map<String, Object> node) throws MalformedKeyException {
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : node.entrySet()) {
      Object v = e.getValue();
      if (TEXT_FIELDS.contains(e.getKey()) && !(v instanceof String) && v != JsonTree.NULL) {
        throw new MalformedKeyException(
            "field \"" + e.getKey() + "\" of the JSON key is " + JsonTree.kind(v) + ", not a string; key " + decoded);
      }
      if (v != JsonTree.NULL) {
        params.put(e.getKey(), JsonTree.isScalar(v) ? JsonTree.text(v) : JsonTree.toJson(v));
      }
    }
    Object origKey = node.get("origKey");
    Object named = origKey != null && origKey != JsonTree.NULL ? origKey : node.get("key");
    String key = named instanceof String text ? text : "";
    if (key.isEmpty()) {
      throw new MalformedKeyException(
          "JSON key " + decoded + " names no object: it needs a non-empty string \"origKey\" (or \"key\") field");
    }
    return new ParsedKey(key, params);
  }
}
