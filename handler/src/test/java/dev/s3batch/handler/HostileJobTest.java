package dev.s3batch.handler;

import static dev.s3batch.handler.testing.Objects3.keys;
import static dev.s3batch.handler.testing.Objects3.read;
import static dev.s3batch.handler.testing.Objects3.s3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.testing.BatchInvoker;
import dev.s3batch.handler.testing.BatchInvoker.Response;
import dev.s3batch.handler.testing.BatchInvoker.Task;
import dev.s3batch.handler.testing.TestLambdaContext;
import dev.s3batch.testkit.S3MockServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * Jobs that try to write where the function's owner did not allow: JSON keys and
 * {@code userArguments} naming other buckets, {@code newKey} values and prefixes with {@code ../},
 * a leading {@code /}, control characters or 1,025 bytes, oversized argument maps, and an
 * invocation of 10,000 such tasks. Each task is refused with a message naming its task and the
 * rule, and a listing of every bucket of the S3 server afterwards shows nothing written but the
 * allowed tasks' copies. The function: {@code copy} or {@code move}, destination bucket
 * {@code dest}, and {@code S3BATCH_ALLOWED_DESTINATIONS} naming only {@code dest}.
 */
class HostileJobTest {

  // one set of buckets for the class: each test compares listings before and after it runs
  private static final String source = S3MockServer.get().newBucket("hostile-src");
  private static final String dest = S3MockServer.get().newBucket("hostile-dest");
  private static final String victim = S3MockServer.get().newBucket("hostile-victim");

  private BatchInvoker function(String action) {
    s3().putObject(b -> b.bucket(source).key("a.txt"), RequestBody.fromString("payload"));
    return new BatchInvoker(Map.of(
        "S3BATCH_ACTION", action, "S3BATCH_DESTINATION_BUCKET", dest, "S3BATCH_ALLOWED_DESTINATIONS", dest));
  }

  /** Every object of every bucket on the server, as bucket/key. */
  private static List<String> everyObject() {
    List<String> all = new ArrayList<>();
    for (Bucket b : s3().listBuckets().buckets()) {
      keys(b.name()).forEach(k -> all.add(b.name() + "/" + k));
    }
    return all;
  }

  private static String json(String newKey) {
    return "{\"origKey\":\"a.txt\",\"newKey\":" + quote(newKey) + "}";
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String notAllowed(String bucket) {
    return "destination bucket not allowed: \"" + bucket + "\" (allowed: " + dest
        + "; set S3BATCH_ALLOWED_DESTINATIONS in the function's environment to allow more)";
  }

  private static String badKey(int task, String shownKey, String rule) {
    return "task task-" + task + ": destination key " + rule + "; nothing written; key \"" + shownKey + "\"";
  }

  private static final String DOT_DOT =
      "has a \"..\" path segment, which a path-normalising server reads as another folder or bucket";

  @Test
  void copy_hostileJsonKeys_eachRefusedWithItsRuleAndOnlyTheAllowedCopiesWritten() {
    BatchInvoker copy = function("copy");
    List<String> before = everyObject();
    String longKey = "é".repeat(513);
    Map<String, String> keyToMessage = new LinkedHashMap<>();
    keyToMessage.put(json("../" + victim + "/pwn"), badKey(0, "../" + victim + "/pwn", DOT_DOT));
    keyToMessage.put(json("x/../../" + victim + "/pwn"), badKey(1, "x/../../" + victim + "/pwn", DOT_DOT));
    keyToMessage.put(json("x/.."), badKey(2, "x/..", DOT_DOT));
    keyToMessage.put(json("./pwn"), badKey(3, "./pwn",
        "has a \".\" path segment, which a path-normalising server reads as another folder or bucket"));
    keyToMessage.put(json("/" + victim + "/pwn"), badKey(4, "/" + victim + "/pwn",
        "starts with '/': a destination key is relative to its bucket"));
    keyToMessage.put(json("pwn\u0000nul"), badKey(5, "pwn\\x00nul", "holds a control character at position 3"));
    keyToMessage.put(json("pwn\r\nforged line"), badKey(6, "pwn\\r\\nforged line",
        "holds a control character at position 3"));
    keyToMessage.put(json("\u001b[2Jpwn"), badKey(7, "\\x1b[2Jpwn", "holds a control character at position 0"));
    keyToMessage.put(json("pwn\u202eexe.txt"), badKey(8, "pwn\\u202eexe.txt", "holds a control character at position 3"));
    keyToMessage.put(json(longKey), badKey(9, "", "has 1026 bytes: a destination key must be 1 to 1,024 bytes of UTF-8")
        .replaceFirst("\"$", ""));
    keyToMessage.put(json(""), badKey(10, "", "has 0 bytes: a destination key must be 1 to 1,024 bytes of UTF-8"));
    keyToMessage.put("{\"origKey\":\"a.txt\",\"newKey\":\"pwn\",\"destinationBucket\":\"" + victim + "\"}", notAllowed(victim));
    keyToMessage.put("{\"origKey\":\"a.txt\",\"newKey\":\"pwn\",\"destinationBucket\":\"" + dest + "/../" + victim + "\"}",
        notAllowed(dest + "/../" + victim));
    keyToMessage.put("{\"origKey\":\"a.txt\",\"newKey\":\"pwn\",\"destinationBucket\":\"" + victim.toUpperCase() + "\"}",
        notAllowed(victim.toUpperCase()));
    keyToMessage.put("{\"origKey\":\"a.txt\",\"newKey\":[\"../x\"]}",
        "field \"newKey\" of the JSON key is an array, not a string; key {\"origKey\":\"a.txt\",\"newKey\":[\"../x\"]}");
    List<Task> tasks = new ArrayList<>();
    keyToMessage.keySet().forEach(k -> tasks.add(Task.of(source, k)));
    tasks.add(Task.of(source, json("archive/a.txt")));
    tasks.add(Task.of(source, json("a..b/.hidden/x.")));

    Response r = copy.invoke(Map.of(), tasks, TestLambdaContext.ample());

    List<String> messages = new ArrayList<>(keyToMessage.values());
    for (int i = 0; i < messages.size(); i++) {
      assertThat(r.code(i)).as("task %d", i).isEqualTo("PermanentFailure");
      // startsWith: the one with the 1,026-byte key is cut to the report's 500 characters after the rule
      assertThat(r.message(i)).as("task %d", i).startsWith(messages.get(i));
    }
    assertThat(r.code(messages.size())).isEqualTo("Succeeded");
    assertThat(r.code(messages.size() + 1)).isEqualTo("Succeeded");
    assertThat(everyObject()).containsExactlyInAnyOrderElementsOf(concat(before,
        dest + "/archive/a.txt", dest + "/a..b/.hidden/x."));
    assertThat(keys(victim)).isEmpty();
  }

  static Stream<Arguments> hostileArguments() {
    Map<String, String> eleven = new TreeMap<>();
    for (int i = 0; i < 11; i++) {
      eleven.put("k" + i, "v");
    }
    return Stream.of(
        Arguments.of("copy", Map.of("destinationBucket", "hostile-victim-x"),
            "destination bucket not allowed: \"hostile-victim-x\""),
        Arguments.of("move", Map.of("destinationBucket", "hostile-victim-x"),
            "destination bucket not allowed: \"hostile-victim-x\""),
        Arguments.of("copy", Map.of("allowedDestinations", "*", "destinationBucket", "hostile-victim-x"),
            "userArguments entry \"allowedDestinations\" cannot be set by a job: guard rails come only from the"
                + " function's environment (S3BATCH_ALLOWED_DESTINATIONS)"),
        Arguments.of("copy", Map.of("allowedActions", "*"),
            "userArguments entry \"allowedActions\" cannot be set by a job"),
        Arguments.of("copy", Map.of("action", "delete"),
            "action \"delete\" is not allowed by this function (allowed: copy; set S3BATCH_ALLOWED_ACTIONS to allow more)"),
        Arguments.of("copy", Map.of("destinationPrefix", "../hostile-victim-x/"), DOT_DOT + "; nothing written; prefix \"../hostile-victim-x/\""),
        Arguments.of("move", Map.of("destinationPrefix", "../hostile-victim-x/"), DOT_DOT + "; nothing written; prefix \"../hostile-victim-x/\""),
        Arguments.of("copy", Map.of("destinationPrefix", "/"), "starts with '/': a destination key is relative to its bucket; nothing written; prefix \"/\""),
        Arguments.of("copy", Map.of("destinationPrefix", "x\u0007/"), "holds a control character at position 1; nothing written; prefix \"x\\x07/\""),
        Arguments.of("copy", Map.of("destinationPrefix", "p".repeat(1018)),
            "has 1023 bytes"),
        Arguments.of("copy", Map.of("destinationPrefix", "p".repeat(1019)),
            "has 1024 bytes"),
        Arguments.of("copy", eleven, "userArguments has 11 entries: a job carries at most 10 (S3 Batch Operations' limit)"),
        Arguments.of("copy", Map.of("n".repeat(65), "v"),
            "userArguments entry name \"" + "n".repeat(64) + "...\" has 65 characters: a name has 1 to 64"),
        Arguments.of("copy", Map.of("destinationPrefix", "p".repeat(1025)),
            "userArguments entry \"destinationPrefix\" has a value of 1025 characters: a value has at most 1024"));
  }

  @ParameterizedTest
  @MethodSource("hostileArguments")
  void copyAndMove_hostileUserArguments_everyTaskRefusedAndNothingWrittenOrSent(
      String action, Map<String, String> userArguments, String message) {
    BatchInvoker function = function(action);
    List<String> before = everyObject();
    function.recorder().reset();
    // 1018 + "a.txt" is 1,023 bytes and 1019 + "a.txt" is 1,024: both are allowed; they must be written to dest
    boolean allowed = message.startsWith("has 102");

    Response r = function.invoke(userArguments,
        List.of(Task.of(source, "a.txt"), Task.of(source, "a.txt"), Task.of(source, "a.txt")), TestLambdaContext.ample());

    for (int i = 0; i < 3; i++) {
      if (allowed) {
        assertThat(r.code(i)).as(r.message(i)).isEqualTo("Succeeded");
      } else {
        assertThat(r.code(i)).isEqualTo("PermanentFailure");
        assertThat(r.message(i)).contains(message);
      }
    }
    if (allowed) {
      String key = userArguments.get("destinationPrefix") + "a.txt";
      assertThat(everyObject()).containsExactlyInAnyOrderElementsOf(concat(before, dest + "/" + key));
      return;
    }
    assertThat(function.recorder().total()).as("requests sent to S3").isZero();
    assertThat(everyObject()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(read(source, "a.txt")).as("the source, after a refused " + action).isEqualTo("payload".getBytes());
  }

  @Test
  void copy_tenThousandHostileTasks_eachRefusedByTaskIdAndNothingSent() {
    BatchInvoker copy = function("copy");
    List<String> before = everyObject();
    copy.recorder().reset();
    String[] hostile = {
      json("../" + victim + "/pwn"), json("/pwn"), json("pwn\u0000"), json("x".repeat(1025)),
      "{\"origKey\":\"a.txt\",\"destinationBucket\":\"" + victim + "\"}"
    };
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      tasks.add(Task.of(source, hostile[i % hostile.length]));
    }

    Response r = copy.invoke(Map.of(), tasks, TestLambdaContext.ample());

    assertThat(r.json().get("results")).hasSize(10_000);
    for (int i = 0; i < 10_000; i++) {
      assertThat(r.json().get("results").get(i).get("taskId").asText()).isEqualTo("task-" + i);
      assertThat(r.code(i)).isEqualTo("PermanentFailure");
      assertThat(r.message(i)).startsWith(i % hostile.length == 4 ? "destination bucket not allowed" : "task task-" + i + ": ");
    }
    assertThat(copy.recorder().total()).as("requests sent to S3").isZero();
    assertThat(everyObject()).containsExactlyInAnyOrderElementsOf(before);
  }

  private static List<String> concat(List<String> list, String... more) {
    List<String> all = new ArrayList<>(list);
    all.addAll(List.of(more));
    return all;
  }
}
