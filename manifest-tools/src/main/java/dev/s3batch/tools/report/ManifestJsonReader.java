package dev.s3batch.tools.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a report's {@code manifest.json} with jackson-core's streaming parser, as jackson-databind's
 * tree read it before (the last of repeated names wins; the same checks, in the same order, with the
 * same messages), without loading databind: {@code report review} starts a tenth of a second sooner.
 * {@code ManifestJsonReaderTest} checks it against the tree. Thread-safe.
 */
final class ManifestJsonReader {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** A string value, or one that is not a string ({@code text} then its text as the tree gives it, or null). */
  private record Value(boolean textual, String text) {}

  private ManifestJsonReader() {}

  static ReportManifest parse(byte[] json, String where) {
    Map<String, Value> root = new HashMap<>();
    List<Map<String, Value>> results = List.of();
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        p.skipChildren();
        throw new InvalidReportException(where + ": not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("Results")) {
          results = results(p);
        } else {
          root.put(name, value(p));
        }
      }
    } catch (IOException e) {
      throw new InvalidReportException(where + ": not JSON: " + e.getMessage());
    }
    List<ReportManifest.ResultFile> files = new ArrayList<>();
    for (Map<String, Value> r : results) {
      files.add(new ReportManifest.ResultFile(
          text(r, "TaskExecutionStatus", where), text(r, "Bucket", where), text(r, "MD5Checksum", where),
          text(r, "Key", where)));
    }
    return new ReportManifest(text(root, "Format", where), asText(root.get("ReportCreationDate")), files,
        asText(root.get("ReportSchema")));
  }

  /** The elements of {@code Results} (an object's values, as the tree iterates them; none for a scalar). */
  private static List<Map<String, Value>> results(JsonParser p) throws IOException {
    List<Map<String, Value>> out = new ArrayList<>();
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        out.add(element(p));
      }
    } else if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        p.nextToken();
        out.add(element(p));
      }
    }
    return out;
  }

  /** A result file's fields; none for a value that is not an object. */
  private static Map<String, Value> element(JsonParser p) throws IOException {
    Map<String, Value> fields = new HashMap<>();
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return fields;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      fields.put(name, value(p));
    }
    return fields;
  }

  /** The value at {@code p}, read to its end. */
  private static Value value(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_STRING -> new Value(true, p.getText());
      case VALUE_NULL -> new Value(false, null);
      case VALUE_NUMBER_INT -> new Value(false, p.getNumberValue().toString());
      case VALUE_NUMBER_FLOAT -> new Value(false, Double.toString(p.getDoubleValue()));
      case VALUE_TRUE -> new Value(false, "true");
      case VALUE_FALSE -> new Value(false, "false");
      default -> {
        p.skipChildren();
        yield new Value(false, "");
      }
    };
  }

  private static String text(Map<String, Value> node, String field, String where) {
    Value v = node.get(field);
    if (v == null || !v.textual()) {
      throw new InvalidReportException(where + ": field " + field + " is missing or not a string");
    }
    return v.text();
  }

  /** The tree's {@code path(field).asText("")}. */
  private static String asText(Value v) {
    return v == null || v.text() == null ? "" : v.text();
  }
}
