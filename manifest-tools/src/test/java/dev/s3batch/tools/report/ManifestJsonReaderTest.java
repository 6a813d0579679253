package dev.s3batch.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ReportManifest#parse} (jackson-core's streaming parser, {@link ManifestJsonReader}) against the
 * jackson-databind tree it replaced, kept here as the reference: the same manifest, or an error with
 * the same message (bar the parser's own wording of a syntax error), for hand-written and seeded random
 * {@code manifest.json}s.
 */
class ManifestJsonReaderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FILE = "{\"TaskExecutionStatus\":\"succeeded\",\"Bucket\":\"b\",\"MD5Checksum\":\"abc\","
      + "\"Key\":\"job-1/results/x.csv\"}";

  @Test
  void parse_awsManifest_readsEveryField() {
    ReportManifest m = ReportManifest.parse(("{\"Format\":\"Report_CSV_20180820\",\"ReportCreationDate\":"
        + "\"2019-04-05T17:48:39.725Z\",\"Results\":[" + FILE + "],\"ReportSchema\":\"" + ReportManifest.SCHEMA + "\"}")
        .getBytes(StandardCharsets.UTF_8), "m");
    assertThat(m).isEqualTo(new ReportManifest("Report_CSV_20180820", "2019-04-05T17:48:39.725Z",
        List.of(new ReportManifest.ResultFile("succeeded", "b", "abc", "job-1/results/x.csv")), ReportManifest.SCHEMA));
  }

  @Test
  void parse_handWrittenManifests_sameAsDatabindTree() {
    String[] manifests = {
      "", "null", "[]", "[1,", "1 x", "{}", "{\"Format\":\"F\"}", "{\"Format\":1}", "{\"Format\":null}",
      "{\"Format\":\"F\",\"Results\":null}", "{\"Format\":\"F\",\"Results\":{}}", "{\"Format\":\"F\",\"Results\":[]}",
      "{\"Format\":\"F\",\"Results\":[" + FILE + "," + FILE + "]}",
      "{\"Format\":\"F\",\"Results\":{\"a\":" + FILE + "}}",
      "{\"Format\":\"F\",\"Results\":[1]}", "{\"Format\":\"F\",\"Results\":[[]]}", "{\"Format\":\"F\",\"Results\":\"x\"}",
      "{\"Results\":[" + FILE + "]}", "{\"Results\":[{\"Bucket\":\"b\"}]}",
      "{\"Format\":\"F\",\"Results\":[{\"TaskExecutionStatus\":\"s\",\"Bucket\":3,\"MD5Checksum\":\"m\",\"Key\":\"k\"}]}",
      "{\"Format\":\"F\",\"Results\":[" + FILE + "],\"Results\":[]}",
      "{\"Format\":\"F\",\"Format\":\"G\",\"ReportCreationDate\":12,\"ReportSchema\":{\"a\":1}}",
      "{\"Format\":\"F\",\"ReportCreationDate\":null,\"ReportSchema\":1.5,\"Other\":[{\"x\":[]}]}",
      "{\"Format\":\"F\",\"ReportCreationDate\":true} trailing", "{\"Format\":\"F\",", "{\"Format\":\"F\"]",
    };
    for (String m : manifests) {
      assertSameAsTree(m.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void parse_seededRandomManifests_sameAsDatabindTree() {
    SplittableRandom random = new SplittableRandom(5);
    String[] names = {"Format", "ReportCreationDate", "Results", "ReportSchema", "TaskExecutionStatus", "Bucket",
        "MD5Checksum", "Key", "Other"};
    String[] values = {"\"s\"", "null", "7", "0.5", "false", "{}", "[]", FILE, "[" + FILE + "]", "[" + FILE + ",1]"};
    for (int n = 0; n < 600; n++) {
      StringBuilder json = new StringBuilder("{");
      for (int f = random.nextInt(6); f >= 0; f--) {
        json.append('"').append(names[random.nextInt(names.length)]).append("\":").append(values[random.nextInt(values.length)])
            .append(f > 0 ? "," : "");
      }
      byte[] bytes = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(6) == 0) {
        bytes[random.nextInt(bytes.length)] = (byte) ",:{}[]\"x".charAt(random.nextInt(8));
      }
      assertSameAsTree(bytes);
    }
  }

  private static void assertSameAsTree(byte[] json) {
    String expected = describe(() -> tree(json, "m"));
    String actual = describe(() -> ReportManifest.parse(json, "m"));
    String input = new String(json, StandardCharsets.UTF_8);
    if (expected.startsWith("m: not JSON: ")) {
      assertThat(actual).as(input).startsWith("m: not JSON: ");
    } else {
      assertThat(actual).as(input).isEqualTo(expected);
    }
  }

  private static String describe(java.util.function.Supplier<ReportManifest> parse) {
    try {
      return parse.get().toString();
    } catch (InvalidReportException e) {
      return e.getMessage();
    }
  }

  /** The parser ReportManifest had before, on jackson-databind's tree. */
  private static ReportManifest tree(byte[] json, String where) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new InvalidReportException(where + ": not JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidReportException(where + ": not a JSON object");
    }
    List<ReportManifest.ResultFile> files = new ArrayList<>();
    for (JsonNode r : root.path("Results")) {
      files.add(new ReportManifest.ResultFile(
          text(r, "TaskExecutionStatus", where), text(r, "Bucket", where), text(r, "MD5Checksum", where),
          text(r, "Key", where)));
    }
    return new ReportManifest(
        text(root, "Format", where), root.path("ReportCreationDate").asText(""), files,
        root.path("ReportSchema").asText(""));
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new InvalidReportException(where + ": field " + field + " is missing or not a string");
    }
    return v.asText();
  }
}
