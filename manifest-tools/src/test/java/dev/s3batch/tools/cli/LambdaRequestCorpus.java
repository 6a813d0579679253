package dev.s3batch.tools.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The bad-input corpus's "Lambda API requests" rows: Invoke requests that {@code lambda serve} must
 * refuse before anything reaches the function, each with the status, error type and message Lambda
 * answers. Sent by {@link BadInputCorpusTest} with the real SDK {@code LambdaClient}, or as raw
 * HTTP where the SDK cannot send it (the streaming API's invocation type). Where the messages
 * come from: the types and the validation messages as AWS answers them (LocalStack's snapshot
 * tests recorded against AWS, 2025: {@code ValidationException} for a value that breaks the
 * service model's constraints, {@code Function not found: ARN:$LATEST} for an unqualified
 * unknown function, the JSON parser's own text after {@code Could not parse payload into json: },
 * two of them byte for byte); {@code RequestEntityTooLargeException} and its message as the AWS CLI
 * shows it; the client context's message as boto3 users quote it. The client context's length
 * and the content type have no message AWS documents: ours name the limit and the type.
 */
final class LambdaRequestCorpus {

  static final String AREA = "Lambda API requests";

  /**
   * One request.
   *
   * @param name what is wrong
   * @param function the FunctionName
   * @param qualifier the Qualifier, or null
   * @param invocationType X-Amz-Invocation-Type, or null
   * @param logType X-Amz-Log-Type, or null
   * @param clientContext X-Amz-Client-Context, or null
   * @param contentType Content-Type sent instead of the SDK's, or null
   * @param payload the body
   * @param streaming InvokeWithResponseStream rather than Invoke (sent as raw HTTP)
   * @param status the HTTP status it must get
   * @param type the error type ({@code x-amzn-ErrorType}) it must get
   * @param message the error message it must get, whole
   */
  record Case(String name, String function, String qualifier, String invocationType, String logType,
      String clientContext, String contentType, byte[] payload, boolean streaming, int status, String type,
      String message) {
    String area() {
      return AREA;
    }

    @Override
    public String toString() {
      return AREA + ": " + name;
    }
  }

  private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
  private static final String FUNCTION_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?"
      + "-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?";
  private static final String JSON_SOURCE = "\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";
  private static final byte[] JSON = "{}".getBytes(StandardCharsets.UTF_8);

  private final List<Case> cases = new ArrayList<>();

  private LambdaRequestCorpus() {}

  /** The function {@code echo} (qualifiers {@code live} and {@code 7}) is the one every request names. */
  static List<Case> all() {
    LambdaRequestCorpus t = new LambdaRequestCorpus();
    String validation = "1 validation error detected: Value '";
    t.add("unknown function", "nope", null, 404, "ResourceNotFoundException", "Function not found: " + ARN + "nope:$LATEST");
    t.add("unknown function by ARN", ARN + "nope", null, 404, "ResourceNotFoundException", "Function not found: " + ARN + "nope:$LATEST");
    t.add("unknown version", "echo", "8", 404, "ResourceNotFoundException", "Function not found: " + ARN + "echo:8");
    t.add("unknown alias in the name", "echo:dev", null, 404, "ResourceNotFoundException", "Function not found: " + ARN + "echo:dev");
    t.add("$latest in lower case", "echo", "$latest", 404, "ResourceNotFoundException", "Function not found: " + ARN + "echo:$latest");
    t.add("qualifier with a character Lambda refuses", "echo", "bad!", 400, "ValidationException", validation
        + "bad!' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: \\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+");
    String longQualifier = "q".repeat(129);
    t.add("qualifier of 129 characters", "echo", longQualifier, 400, "ValidationException", validation
        + longQualifier + "' at 'qualifier' failed to satisfy constraint: Member must have length less than or equal to 128");
    t.add("qualifier in the name and another one", "echo:live", "7", 400, "InvalidParameterValueException",
        "The derived qualifier from the function name does not match the specified qualifier.");
    t.add("ARN with two qualifiers", ARN + "echo:1:2", null, 400, "ValidationException", validation + ARN
        + "echo:1:2' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: " + FUNCTION_PATTERN);
    t.add("ARN of another service", "arn:aws:s3:::echo", null, 400, "ValidationException", validation
        + "arn:aws:s3:::echo' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: " + FUNCTION_PATTERN);
    t.add("function name with a space", "echo two", null, 400, "ValidationException", validation
        + "echo two' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: " + FUNCTION_PATTERN);
    String longName = "f".repeat(171);
    t.add("function name of 171 characters", longName, null, 400, "ValidationException", validation + longName
        + "' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 170");
    t.cases.add(new Case("unknown invocation type", "echo", null, "Sometimes", null, null, null, JSON, false, 400,
        "ValidationException", validation + "Sometimes' at 'invocationType' failed to satisfy constraint: Member must satisfy"
        + " enum value set: [Event, RequestResponse, DryRun]"));
    t.cases.add(new Case("Event on the streaming API", "echo", null, "Event", null, null, null, JSON, true, 400,
        "ValidationException", validation + "Event' at 'invocationType' failed to satisfy constraint: Member must satisfy"
        + " enum value set: [RequestResponse, DryRun]"));
    t.cases.add(new Case("unknown log type", "echo", null, null, "Everything", null, null, JSON, false, 400,
        "ValidationException", validation + "Everything' at 'logType' failed to satisfy constraint: Member must satisfy"
        + " enum value set: [None, Tail]"));
    t.context("client context not base64", "not base64!", "Client context must be a valid Base64-encoded JSON object.");
    t.context("client context base64 of text", base64("hello"), "Client context must be a valid Base64-encoded JSON object.");
    t.context("client context base64 of a JSON array", base64("[1]"), "Client context must be a valid Base64-encoded JSON object.");
    String longContext = base64("{\"custom\":{\"k\":\"" + "x".repeat(2667) + "\"}}");
    t.context("client context of 3,584 base64 bytes", longContext,
        "Client context must be at most 3583 bytes of base64-encoded data; it is " + longContext.length());
    t.payload("payload not JSON", "{not json".getBytes(StandardCharsets.UTF_8), "Unexpected character ('n' (code 110)):"
        + " was expecting double-quote to start field name" + JSON_SOURCE + "line: 1, column: 2]");
    t.payload("payload of two JSON values", "{} {}".getBytes(StandardCharsets.UTF_8), "Unexpected token after the first JSON value");
    t.payload("payload only spaces", "   ".getBytes(StandardCharsets.UTF_8), "No content to map due to end-of-input");
    // The next two are the bodies and answers LocalStack recorded from AWS, byte for byte.
    t.payload("payload with a byte that is not UTF-8", bytes(0x6e, 0x87, 0x72, 0x9e, 0xe9, 0xb5, 0xd7, 0x49, 0xee, 0x9b, 0x6d, 0x74),
        "Invalid UTF-8 start byte 0x87" + JSON_SOURCE + "line: 1, column: 3]");
    t.payload("payload starting with a control byte", bytes(0x99, 0xeb, 0x2c, 0x6a, 0x07, 0xa1, 0x7a, 0x59, 0x68),
        "Unexpected character ((CTRL-CHAR, code 153)): expected a valid value (JSON String, Number, Array, Object or token"
        + " 'null', 'true' or 'false')" + JSON_SOURCE + "line: 1, column: 1]");
    t.cases.add(new Case("payload over 6 MB", "echo", null, null, null, null, null, jsonString(6 * 1024 * 1024 + 1), false, 413,
        "RequestEntityTooLargeException", "Request must be smaller than 6291456 bytes for the InvokeFunction operation"));
    t.cases.add(new Case("Event payload over 1 MB", "echo", null, "Event", null, null, null, jsonString(1024 * 1024 + 1), false,
        413, "RequestEntityTooLargeException", "Request must be smaller than 1048576 bytes for the InvokeFunction operation"));
    t.cases.add(new Case("payload sent as XML", "echo", null, null, null, null, "application/xml", JSON, false, 415,
        "UnsupportedMediaTypeException",
        "The content type application/xml of the request body is not supported; send JSON (application/json)"));
    return List.copyOf(t.cases);
  }

  private void add(String name, String function, String qualifier, int status, String type, String message) {
    cases.add(new Case(name, function, qualifier, null, null, null, null, JSON, false, status, type, message));
  }

  private void context(String name, String clientContext, String message) {
    cases.add(new Case(name, "echo", null, null, null, clientContext, null, JSON, false, 400,
        "InvalidRequestContentException", message));
  }

  private void payload(String name, byte[] payload, String problem) {
    cases.add(new Case(name, "echo", null, null, null, null, null, payload, false, 400, "InvalidRequestContentException",
        "Could not parse request body into json: Could not parse payload into json: " + problem));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /** One JSON string of {@code size} bytes in all. */
  private static byte[] jsonString(int size) {
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) 'x');
    b[0] = '"';
    b[size - 1] = '"';
    return b;
  }
}
