package dev.s3batch.tools.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The little JSON the service needs: quoting a string, checking a payload is one JSON value. */
final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    StringWriter out = new StringWriter();
    try (var g = FACTORY.createGenerator(out)) {
      g.writeString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Why {@code bytes} (UTF-8) is not exactly one JSON value, as Lambda requires of a payload, in
   * Jackson's words (Lambda parses with Jackson too, so the text is the one Lambda shows), or null
   * when it is one.
   */
  static String problem(byte[] bytes) {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return "No content to map due to end-of-input";
      }
      int depth = 0;
      do {
        switch (t) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          // Decoded as a parser building the value decodes them, so bad UTF-8 or an overlong number is found.
          case VALUE_STRING -> p.getText();
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
          default -> { }
        }
      } while (depth > 0 && (t = p.nextToken()) != null);
      return p.nextToken() == null ? null : "Unexpected token after the first JSON value";
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  /** True when {@code bytes} is one JSON object. */
  static boolean isJsonObject(byte[] bytes) {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
