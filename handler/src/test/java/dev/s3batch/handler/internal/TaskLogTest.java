package dev.s3batch.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.handler.testing.Invoke;
import dev.s3batch.testkit.S3MockServer;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The one structured line per task that the handler writes to the Lambda logger. */
class TaskLogTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CONTENT = "secret-payload-Zq81 do not log";

  private final S3Client s3 = S3MockServer.get().client();

  private static List<JsonNode> parse(List<String> lines) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : lines) {
      assertThat(line).doesNotContain("\n");
      nodes.add(MAPPER.readTree(line));
    }
    return nodes;
  }

  @Test
  void handler_threeTasks_logsOneLinePerTaskWithEveryField() throws Exception {
    String bucket = S3MockServer.get().newBucket("log");
    s3.putObject(b -> b.bucket(bucket).key("dir/a b.txt"), RequestBody.fromString(CONTENT));

    var reply = Invoke.action("checksum").jobId("job-42")
        .on(bucket, "dir/a b.txt")
        .on(bucket, "missing.txt")
        .on("no-such-bucket-for-log", "x")
        .run(s3);

    List<JsonNode> lines = parse(reply.logLines());
    assertThat(lines).hasSize(3);
    JsonNode ok = lines.get(0);
    assertThat(ok.get("level").asText()).isEqualTo("INFO");
    assertThat(ok.get("event").asText()).isEqualTo("task");
    assertThat(ok.get("jobId").asText()).isEqualTo("job-42");
    assertThat(ok.get("taskId").asText()).isEqualTo("task-1");
    assertThat(ok.get("bucket").asText()).isEqualTo(bucket);
    assertThat(ok.get("s3Key").asText()).isEqualTo("dir/a%20b.txt");
    assertThat(ok.get("action").asText()).isEqualTo("checksum");
    assertThat(ok.get("resultCode").asText()).isEqualTo("Succeeded");
    assertThat(ok.get("durationMs").isIntegralNumber()).isTrue();
    assertThat(ok.get("durationMs").asLong()).isBetween(0L, 60_000L);
    assertThat(ok.get("errorCode").asText()).isEmpty();

    assertThat(lines.get(1).get("taskId").asText()).isEqualTo("task-2");
    assertThat(lines.get(1).get("level").asText()).isEqualTo("WARN");
    assertThat(lines.get(1).get("resultCode").asText()).isEqualTo("PermanentFailure");
    assertThat(lines.get(1).get("errorCode").asText()).isEqualTo("NoSuchKey");
    assertThat(lines.get(2).get("bucket").asText()).isEqualTo("no-such-bucket-for-log");
    assertThat(lines.get(2).get("errorCode").asText()).isEqualTo("NoSuchBucket");
  }

  @Test
  void handler_actionsThatReadAndWriteContent_neverLogContent() {
    String bucket = S3MockServer.get().newBucket("log");
    s3.putObject(b -> b.bucket(bucket).key("s.txt"), RequestBody.fromString(CONTENT));

    var revise = Invoke.action("revise").env("S3BATCH_KEY_FORMAT", "pipe").on(bucket, "s.txt|upper").run(s3);
    var checksum = Invoke.action("checksum").on(bucket, "s.txt").run(s3);

    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("s.txt")).asUtf8String())
        .isEqualTo(CONTENT.toUpperCase(java.util.Locale.ROOT));
    List<String> all = new ArrayList<>(revise.logLines());
    all.addAll(checksum.logLines());
    assertThat(all).hasSize(2).noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("zq81"));
    assertThat(revise.json() + checksum.json()).doesNotContainIgnoringCase("zq81");
  }

  @Test
  void handler_setupError_stillLogsEveryTaskWithTheCode() throws Exception {
    var reply = Invoke.action("no-such-action").on("b", "k1").on("b", "k2").run(s3);

    List<JsonNode> lines = parse(reply.logLines());
    assertThat(lines).hasSize(2);
    assertThat(lines).allSatisfy(l -> {
      assertThat(l.get("resultCode").asText()).isEqualTo("PermanentFailure");
      assertThat(l.get("errorCode").asText()).isEqualTo("InvalidConfiguration");
    });
  }

  @Test
  void handler_keyWithControlCharacters_logsThemEscapedAndReadsBackExactly() throws Exception {
    String bucket = S3MockServer.get().newBucket("log");
    // A manifest that holds the characters raw (not URL-encoded): ESC [2J, the one-character CSI
    // U+009B, DEL and a right-to-left override.
    String rawKey = "evil\u001b[2J\u009b31m\u007f\u202eexe.txt";

    var reply = Invoke.action("head").onEncoded(bucket, rawKey, null).run(s3);

    String line = reply.logLines().get(0);
    assertThat(line.chars().filter(c -> ControlCharacters.isEscaped((char) c))).isEmpty();
    assertThat(line).contains("evil\\u001B[2J\\u009B31m\\u007F\\u202Eexe.txt");
    assertThat(MAPPER.readTree(line).get("s3Key").asText()).isEqualTo(rawKey);
  }

  @Test
  void line_randomFieldsWithAndWithoutControls_sameTextAsWrittenThroughTheControlEscapes() throws Exception {
    // Lines with no control beyond C0 skip the custom escapes; every line must still be exactly
    // what the escapes write, and no line may carry a control raw.
    String alphabet = "aZ09 %+/,\"\\\t\n\u0001\u001f\u007f\u0085\u009b\u00e9\u061c\u200e\u2028\u2029\u202e\u2066\u4e2d";
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      String[] f = new String[7];
      for (int j = 0; j < f.length; j++) {
        StringBuilder sb = new StringBuilder();
        boolean plain = random.nextInt(3) > 0; // most lines: ASCII-only fields
        for (int n = random.nextInt(12); n > 0; n--) {
          sb.append(plain ? alphabet.charAt(random.nextInt(8)) : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (random.nextInt(40) == 0) {
          sb.appendCodePoint(0x1F600);
        }
        f[j] = sb.toString();
      }
      long ms = random.nextInt(100_000);
      String line = TaskLog.line(f[0], f[1], f[2], f[3], f[4], f[5], ms, f[6]);

      StringWriter expected = new StringWriter();
      try (JsonGenerator g = new JsonFactory().createGenerator(expected).setCharacterEscapes(new JsonControlEscapes())) {
        g.writeStartObject();
        g.writeStringField("level", "Succeeded".equals(f[5]) ? "INFO" : "WARN");
        g.writeStringField("event", "task");
        g.writeStringField("jobId", f[0]);
        g.writeStringField("taskId", f[1]);
        g.writeStringField("bucket", f[2]);
        g.writeStringField("s3Key", f[3]);
        g.writeStringField("action", f[4]);
        g.writeStringField("resultCode", f[5]);
        g.writeNumberField("durationMs", ms);
        g.writeStringField("errorCode", f[6]);
        g.writeEndObject();
      }
      assertThat(line).isEqualTo(expected.toString());
      assertThat(line.chars().filter(c -> ControlCharacters.isEscaped((char) c))).isEmpty();
      assertThat(MAPPER.readTree(line).get("s3Key").asText()).isEqualTo(f[3]);
    }
  }
}
