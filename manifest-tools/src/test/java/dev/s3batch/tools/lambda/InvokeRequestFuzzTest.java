package dev.s3batch.tools.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.s3batch.testkit.FuzzCount;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.AfterAll;

/**
 * The Lambda service's request parsing ({@link InvokeRequest#read}, what both Invoke APIs of
 * {@code lambda serve} run first) on any request: the function's path segment (name, ARN, partial
 * ARN, qualifier, percent-encoding), the {@code Qualifier} query parameter, the headers
 * {@code X-Amz-Invocation-Type}, {@code X-Amz-Log-Type}, {@code X-Amz-Client-Context} and
 * {@code Content-Type} (as HTTP allows header values), and a payload of any bytes or of a size
 * around Lambda's limits. Either the request goes to a hosted function (a valid type, a payload
 * within the limit that is JSON or empty, the ARN of that function) or it is one of the service
 * model's errors with its status and a restJson1 body; never another exception. A request made
 * only of valid parts is always accepted. Seeds: the {@code Inputs} folder beside this class in
 * the test resources.
 */
class InvokeRequestFuzzTest {

  private static final FuzzCount COUNT = FuzzCount.of("InvokeRequestFuzzTest");

  @AfterAll
  static void report() {
    System.out.println(COUNT.summary());
  }

  private static final String REGION = "us-east-1";
  private static final Map<String, FunctionHost> HOSTS = Map.of(
      "echo", host(FunctionSpec.parse("echo").withCommand("true").withQualifiers(List.of("live", "7"))),
      "other", host(FunctionSpec.parse("other").withCommand("true")));
  private static final List<String> VALID_NAMES = List.of("echo", "echo:live", "echo:7", "echo:$LATEST", "other",
      "arn:aws:lambda:us-east-1:123456789012:function:echo", "arn:aws:lambda:eu-west-1:123456789012:function:echo:live",
      "123456789012:function:other", "function:echo", "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:echo:7");
  private static final List<String> VALID_CONTENT_TYPES = List.of("application/json", "application/octet-stream",
      "binary/octet-stream", "text/plain; charset=utf-8", "Application/JSON");
  private static final Set<String> MODEL_ERRORS = Set.of("400 ValidationException", "400 InvalidParameterValueException",
      "400 InvalidRequestContentException", "404 ResourceNotFoundException", "413 RequestEntityTooLargeException",
      "415 UnsupportedMediaTypeException");
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  /** How Lambda reads a payload: one JSON value (databind's tree), repeated names allowed. */
  private static final ObjectMapper PAYLOAD = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** A hosted function as the service holds it; parsing only reads its spec, nothing is ever started. */
  private static FunctionHost host(FunctionSpec spec) {
    return new FunctionHost(spec, null, null, null, null);
  }

  @FuzzTest
  void read_anyRequest_goesToTheFunctionOrGivesAModelError(FuzzedDataProvider data) throws IOException {
    COUNT.add();
    boolean streaming = data.consumeBoolean();
    boolean valid = true;

    String function;
    if (data.consumeBoolean()) {
      function = data.pickValue(VALID_NAMES);
    } else {
      function = data.consumeString(200);
      valid = false;
    }
    String segment = data.consumeBoolean() ? URLEncoder.encode(function, StandardCharsets.UTF_8) : function;
    if (segment.isEmpty() || segment.contains("/")) {
      segment = URLEncoder.encode(function, StandardCharsets.UTF_8).replace("/", "%2F");
    }
    if (segment.isEmpty()) {
      return; // the Invoke path needs a segment: such a request is no Invoke call
    }

    String qualifier = null;
    switch (data.consumeInt(0, 2)) {
      case 0 -> { }
      case 1 -> {
        FunctionName name = FunctionName.parse(function);
        if (name == null || name.qualifier() != null) {
          qualifier = name == null ? "$LATEST" : name.qualifier();
        } else {
          qualifier = name.name().equals("echo") ? data.pickValue(List.of("$LATEST", "live", "7")) : "$LATEST";
        }
      }
      default -> {
        qualifier = data.consumeString(140);
        valid = false;
      }
    }

    HttpFields.Mutable headers = HttpFields.build();
    List<String> types = streaming ? List.of("RequestResponse", "DryRun") : List.of("RequestResponse", "Event", "DryRun");
    String type = null;
    switch (data.consumeInt(0, 2)) {
      case 0 -> { }
      case 1 -> type = data.pickValue(types);
      default -> {
        type = data.consumeString(40);
        valid = false;
      }
    }
    type = put(headers, "X-Amz-Invocation-Type", type);
    switch (data.consumeInt(0, 2)) {
      case 0 -> { }
      case 1 -> put(headers, "X-Amz-Log-Type", data.pickValue(List.of("None", "Tail")));
      default -> {
        put(headers, "X-Amz-Log-Type", data.consumeString(20));
        valid = false;
      }
    }
    String clientContext = null;
    switch (data.consumeInt(0, 3)) {
      case 0 -> { }
      case 1 -> clientContext = Base64.getEncoder().encodeToString(
          ("{\"custom\":{\"k\":" + quote(data.consumeString(100)) + "}}").getBytes(StandardCharsets.UTF_8));
      case 2 -> {
        clientContext = Base64.getEncoder().encodeToString(data.consumeBytes(data.consumeInt(0, 2800)));
        valid = false;
      }
      default -> {
        clientContext = data.consumeString(3600);
        valid = false;
      }
    }
    clientContext = put(headers, "X-Amz-Client-Context", clientContext);
    switch (data.consumeInt(0, 2)) {
      case 0 -> { }
      case 1 -> put(headers, "Content-Type", data.pickValue(VALID_CONTENT_TYPES));
      default -> {
        put(headers, "Content-Type", data.consumeString(60));
        valid = false;
      }
    }

    byte[] body;
    InputStream in;
    if (data.consumeInt(0, 31) == 31) {
      int limit = "Event".equals(type) ? InvokeRequest.EVENT_LIMIT : InvokeRequest.SYNC_LIMIT;
      int size = limit + data.consumeInt(-1, 1);
      valid &= size <= limit;
      body = null;
      in = new JsonStringBody(size);
    } else if (data.consumeBoolean()) {
      body = ("{\"n\":" + quote(data.consumeRemainingAsString()) + "}").getBytes(StandardCharsets.UTF_8);
      in = new ByteArrayInputStream(body);
    } else {
      body = data.consumeRemainingAsBytes();
      valid &= body.length == 0 || isJson(body);
      in = new ByteArrayInputStream(body);
    }

    InvokeRequest call;
    try {
      call = InvokeRequest.read(segment, qualifier, headers, in, streaming, HOSTS, REGION);
    } catch (ServiceError.Raised e) {
      ServiceError error = e.error();
      assertThat(valid).as("a request of valid parts was refused: %s", error).isFalse();
      assertThat(MODEL_ERRORS).as("status and type").contains(error.status() + " " + error.code());
      assertThat(error.message()).isNotBlank();
      JsonNode json = STRICT.readTree(error.body());
      assertThat(json.size()).isEqualTo(2);
      assertThat(json.get("Type").asText()).isEqualTo("User");
      assertThat(json.get("message").asText()).isEqualTo(error.message());
      return;
    }
    assertThat(HOSTS).containsValue(call.host());
    assertThat(types).contains(call.type());
    assertThat(call.type()).isEqualTo(type == null ? "RequestResponse" : type);
    assertThat(call.arn()).startsWith("arn:aws:lambda:").contains(":function:" + call.host().spec().name());
    assertThat(call.executedVersion()).matches("\\$LATEST|\\d+");
    assertThat(call.clientContext() == null).isEqualTo(clientContext == null);
    int limit = call.type().equals("Event") ? InvokeRequest.EVENT_LIMIT : InvokeRequest.SYNC_LIMIT;
    assertThat(call.payload().length).isLessThanOrEqualTo(limit);
    if (body != null) {
      assertThat(call.payload()).isEqualTo(body);
    }
    if (call.payload().length > 0 && call.payload().length < 1 << 16) {
      assertThat(isJson(call.payload())).as("payload is JSON").isTrue();
    }
  }

  /** Adds {@code value} as HTTP carries it (visible characters, tabs and spaces, Latin-1, trimmed) and returns that. */
  private static String put(HttpFields.Mutable headers, String name, String value) {
    if (value == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder();
    for (char c : value.toCharArray()) {
      if ((c >= 0x20 && c < 0x7F) || c == '\t' || (c >= 0xA0 && c <= 0xFF)) {
        kept.append(c);
      }
    }
    String sent = kept.toString().strip();
    headers.add(name, sent);
    return sent;
  }

  private static String quote(String s) {
    return Json.quote(s);
  }

  private static boolean isJson(byte[] bytes) {
    try {
      JsonNode value = PAYLOAD.readTree(bytes);
      return value != null && !value.isMissingNode();
    } catch (IOException e) {
      return false;
    }
  }

  /** A payload of {@code size} bytes that is one JSON string, made as it is read. */
  private static final class JsonStringBody extends InputStream {
    private final int size;
    private int pos;

    JsonStringBody(int size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (pos >= size) {
        return -1;
      }
      return pos++ == 0 || pos == size ? '"' : 'a';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= size) {
        return -1;
      }
      int n = Math.min(len, size - pos);
      Arrays.fill(b, off, off + n, (byte) 'a');
      if (pos == 0) {
        b[off] = '"';
      }
      if (pos + n == size) {
        b[off + n - 1] = '"';
      }
      pos += n;
      return n;
    }
  }
}
