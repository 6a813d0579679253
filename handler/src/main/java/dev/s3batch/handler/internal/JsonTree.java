package dev.s3batch.handler.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read with jackson-core's streaming parser into plain values: an object is a
 * {@code Map<String, Object>} (document order; a field named twice keeps its last value, as
 * Jackson's tree does), an array a {@code List<Object>}, a string a {@code String}, a number a
 * {@code Number} (Integer, Long, BigInteger or Double, as Jackson's tree), a boolean a
 * {@code Boolean}, and JSON {@code null} {@link #NULL}.
 *
 * <p>The function reads all its JSON with this (the event, JSON task keys, tags, metadata) rather
 * than jackson-databind: databind's mapper costs about 200 ms of CPU on a cold start (300 classes)
 * and 1.5 MB of the lambda jar for what this does in a page ({@code bench/coldstart.sh} measures
 * both). Thread-safe.
 */
public final class JsonTree {

  /** JSON {@code null} (a missing field is Java {@code null}). */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonTree() {}

  /**
   * Reads the first JSON value of {@code in} (text after it is ignored); Java {@code null} when
   * {@code in} holds no value at all. Closes {@code in}.
   *
   * @throws com.fasterxml.jackson.core.JsonProcessingException when the text is not JSON
   */
  public static Object read(InputStream in) throws IOException {
    try (JsonParser parser = FACTORY.createParser(in)) {
      JsonToken token = parser.nextToken();
      return token == null ? null : value(parser, token);
    }
  }

  /**
   * Reads {@code text} as JSON the way {@link #read(InputStream)} does (text after the first value
   * is ignored); Java {@code null} for text without a value.
   *
   * @throws JsonProcessingException when the text is not JSON
   */
  public static Object read(String text) throws JsonProcessingException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken token = parser.nextToken();
      return token == null ? null : value(parser, token);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String reader does not fail
    }
  }

  /**
   * Reads {@code text} as exactly one JSON value: a field named twice in an object, or anything
   * but white space after the value, is an error; Java {@code null} for text without a value.
   *
   * @throws JsonProcessingException when the text is not one strict JSON value
   */
  public static Object readStrict(String text) throws JsonProcessingException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      Object value = value(parser, token);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "text after the JSON value");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String reader does not fail
    }
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          object.put(name, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        return array;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        return parser.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    }
  }

  /** Whether {@code value} is a scalar or {@link #NULL} (not an object or an array). */
  public static boolean isScalar(Object value) {
    return !(value instanceof Map) && !(value instanceof List);
  }

  /** A scalar's text: a string itself, a number or boolean as written in JSON, {@code "null"}. */
  public static String text(Object scalar) {
    return String.valueOf(scalar);
  }

  /** "an object", "an array", "null", "a string", "a number", "a boolean"; "missing" for Java null. */
  public static String kind(Object value) {
    if (value == null) {
      return "missing";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value == NULL) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    return value instanceof Boolean ? "a boolean" : "a number";
  }

  /** {@code value} as compact JSON. */
  public static String toJson(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value instanceof Map<?, ?> object) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : object.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> array) {
      g.writeStartArray();
      for (Object item : array) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value == NULL) {
      g.writeNull();
    } else {
      g.writeNumber(value.toString());
    }
  }
}
