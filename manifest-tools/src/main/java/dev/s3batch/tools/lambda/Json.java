package dev.s3batch.tools.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The little JSON the service needs: quoting a string, checking a payload is one JSON value. */
final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /**
   * {@code s} as a JSON string literal. A string with a lone surrogate (Jackson's message about a
   * payload's bad character can hold one) is written with every non-ASCII character escaped, so
   * that it survives being sent as UTF-8 (found by InvokeRequestFuzzTest).
   */
  static String quote(String s) {
    StringWriter out = new StringWriter();
    try (var g = FACTORY.createGenerator(out)) {
      if (hasLoneSurrogate(s)) {
        g.configure(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);
      }
      g.writeString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
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
          // Decoded as a parser building the value decodes them, so bad UTF-8 or an overlong number is found;
          // a string into Jackson's text buffer only, never also copied into a String as getText() does:
          // with those copies, four 3 MB payloads checked at once ran a 64 MB service out of heap.
          case VALUE_STRING -> p.getText(Writer.nullWriter());
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
