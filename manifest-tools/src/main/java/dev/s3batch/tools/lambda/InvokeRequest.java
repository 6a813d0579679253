package dev.s3batch.tools.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An Invoke or InvokeWithResponseStream request, checked as Lambda checks it before anything
 * reaches the function: the function and qualifier exist, the invocation type, log type and
 * client context are valid, the payload is JSON and within the size limit.
 *
 * @param host the function
 * @param type {@code RequestResponse}, {@code Event} or {@code DryRun}
 * @param tail {@code X-Amz-Log-Type: Tail}
 * @param arn the invoked function's ARN (with the qualifier when one was given)
 * @param executedVersion {@code X-Amz-Executed-Version}
 * @param clientContext the decoded client context, or null
 * @param payload the event
 */
record InvokeRequest(FunctionHost host, String type, boolean tail, String arn, String executedVersion,
    String clientContext, byte[] payload) {

  /** Lambda's payload limits: 6 MB synchronous, 1 MB asynchronous. */
  static final int SYNC_LIMIT = 6 * 1024 * 1024;
  static final int EVENT_LIMIT = 1024 * 1024;
  /** How much of an oversized payload is read and dropped before the 413 is sent. */
  static final long DISCARD_LIMIT = 64L * 1024 * 1024;
  /** Lambda's limit for {@code X-Amz-Client-Context}: "up to 3,583 bytes of base64-encoded data". */
  static final int CLIENT_CONTEXT_LIMIT = 3583;

  /** Lambda's pattern for Invoke's {@code Qualifier}, as its validation message shows it. */
  private static final Pattern QUALIFIER = Pattern.compile("\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+");
  /** Lambda's message for a client context that is not base64 of a JSON object. */
  static final String CLIENT_CONTEXT_INVALID = "Client context must be a valid Base64-encoded JSON object.";

  private static final Set<String> JSON_TYPES = Set.of("", "application/json", "application/octet-stream",
      "binary/octet-stream", "application/x-amz-json-1.0", "application/x-amz-json-1.1", "text/plain");

  /**
   * The invocation {@code request} asks for, or null when it has been answered already: with the
   * error Lambda would send, or with DryRun's 204. Both Invoke APIs start here.
   */
  static InvokeRequest accept(Request request, Response response, Callback callback, String functionSegment,
      boolean streaming, Map<String, FunctionHost> hosts, String region) throws IOException {
    InvokeRequest call;
    try (InputStream body = Request.asInputStream(request)) {
      call = read(functionSegment, Request.extractQueryParameters(request).getValue("Qualifier"), request.getHeaders(),
          body, streaming, hosts, region, true);
    } catch (ServiceError.Raised e) {
      e.error().send(response, callback);
      return null;
    }
    if (call.type().equals("DryRun")) {
      response.getHeaders().put("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
      response.setStatus(204);
      callback.succeeded();
      return null;
    }
    return call;
  }

  /**
   * Reads and checks a request, in the order Lambda checks it: {@code functionSegment} is the
   * still-encoded path segment naming the function, {@code qualifier} the decoded {@code Qualifier}
   * query parameter (null when absent), {@code body} the payload (read here, at most up to the limit
   * and {@link #DISCARD_LIMIT} beyond it). Takes no place of the function: {@link #accept} does.
   *
   * @throws ServiceError.Raised the error Lambda would answer
   */
  static InvokeRequest read(String functionSegment, String qualifier, HttpFields headers, InputStream body,
      boolean streaming, Map<String, FunctionHost> hosts, String region) throws ServiceError.Raised, IOException {
    return read(functionSegment, qualifier, headers, body, streaming, hosts, region, false);
  }

  /**
   * As {@link #read(String, String, HttpFields, InputStream, boolean, Map, String)}; with
   * {@code takePlace}, a request that is not a DryRun takes a place of its function
   * ({@link FunctionHost#reserve()}) once its headers are checked and before its payload is read,
   * so a burst of large payloads beyond the function's concurrency and queue is never held in
   * memory: a refused call's payload is read and dropped, and the request returned holds the place
   * (submit it, or release it).
   */
  static InvokeRequest read(String functionSegment, String qualifier, HttpFields headers, InputStream body,
      boolean streaming, Map<String, FunctionHost> hosts, String region, boolean takePlace)
      throws ServiceError.Raised, IOException {
    String given = decode(functionSegment);
    FunctionName name = FunctionName.parse(given);
    if (given.length() > FunctionName.MAX_LENGTH) {
      throw validation(given, "functionName", "Member must have length less than or equal to " + FunctionName.MAX_LENGTH);
    }
    if (name == null) {
      throw validation(given, "functionName", "Member must satisfy regular expression pattern: " + FunctionName.AWS_PATTERN);
    }
    if (qualifier != null) {
      checkQualifier(qualifier);
    }
    if (qualifier != null && name.qualifier() != null && !qualifier.equals(name.qualifier())) {
      throw ServiceError.invalidParameter("The derived qualifier from the function name does not match the specified qualifier.").raise();
    }
    String effective = qualifier != null ? qualifier : name.qualifier();
    FunctionHost host = hosts.get(name.name());
    String arn = name.arn(region, effective);
    if (host == null || (effective != null && !effective.equals("$LATEST") && !host.spec().qualifiers().contains(effective))) {
      throw ServiceError.notFound("Function not found: " + name.arn(region, effective == null ? "$LATEST" : effective)).raise();
    }
    String type = header(headers, "X-Amz-Invocation-Type", "RequestResponse");
    List<String> types = streaming ? List.of("RequestResponse", "DryRun") : List.of("Event", "RequestResponse", "DryRun");
    if (!types.contains(type)) {
      throw validation(type, "invocationType", "Member must satisfy enum value set: " + types);
    }
    String logType = header(headers, "X-Amz-Log-Type", "None");
    if (!logType.equals("None") && !logType.equals("Tail")) {
      throw validation(logType, "logType", "Member must satisfy enum value set: [None, Tail]");
    }
    String clientContext = clientContext(headers.get("X-Amz-Client-Context"));
    String contentType = mediaType(headers.get(HttpHeader.CONTENT_TYPE));
    if (!JSON_TYPES.contains(contentType)) {
      throw ServiceError.unsupportedMediaType("The content type " + contentType + " of the request body is not supported;"
          + " send JSON (application/json)").raise();
    }
    int limit = type.equals("Event") ? EVENT_LIMIT : SYNC_LIMIT;
    boolean reserved = takePlace && !type.equals("DryRun");
    if (reserved && !host.reserve()) {
      discard(body);
      throw ServiceError.throttled().raise();
    }
    byte[] payload;
    try {
      payload = body(body, limit);
      String problem = payload.length == 0 ? null : Json.problem(payload);
      if (problem != null) {
        throw ServiceError.invalidContent("Could not parse request body into json: Could not parse payload into json: "
            + problem).raise();
      }
    } catch (ServiceError.Raised | IOException | RuntimeException e) {
      if (reserved) {
        host.release();
      }
      throw e;
    }
    String executed = effective == null || effective.equals("$LATEST") || !effective.matches("\\d+") ? "$LATEST" : effective;
    return new InvokeRequest(host, type, logType.equals("Tail"), arn, executed, clientContext, payload);
  }

  /** The path segment decoded ({@code +} kept); as it came when it is not valid percent-encoding. */
  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  private static void checkQualifier(String qualifier) throws ServiceError.Raised {
    if (qualifier.isEmpty()) {
      throw validation(qualifier, "qualifier", "Member must have length greater than or equal to 1");
    }
    if (qualifier.length() > 128) {
      throw validation(qualifier, "qualifier", "Member must have length less than or equal to 128");
    }
    if (!QUALIFIER.matcher(qualifier).matches()) {
      throw validation(qualifier, "qualifier", "Member must satisfy regular expression pattern: " + QUALIFIER.pattern());
    }
  }

  /** Lambda's (Coral's) message for one parameter that breaks its constraint in the service model. */
  private static ServiceError.Raised validation(String value, String member, String constraint) {
    return ServiceError.validation("1 validation error detected: Value '" + value + "' at '" + member
        + "' failed to satisfy constraint: " + constraint).raise();
  }

  private static String header(HttpFields headers, String name, String fallback) {
    String value = headers.get(name);
    return value == null ? fallback : value;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
  }

  private static String clientContext(String header) throws ServiceError.Raised {
    if (header == null) {
      return null;
    }
    if (header.length() > CLIENT_CONTEXT_LIMIT) {
      throw ServiceError.invalidContent("Client context must be at most " + CLIENT_CONTEXT_LIMIT
          + " bytes of base64-encoded data; it is " + header.length()).raise();
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(header.trim());
    } catch (IllegalArgumentException e) {
      throw ServiceError.invalidContent(CLIENT_CONTEXT_INVALID).raise();
    }
    if (!Json.isJsonObject(decoded)) {
      throw ServiceError.invalidContent(CLIENT_CONTEXT_INVALID).raise();
    }
    return new String(decoded, StandardCharsets.UTF_8);
  }

  /**
   * The payload, at most {@code limit} bytes. A larger one is still read (up to
   * {@link #DISCARD_LIMIT}) and dropped, so that the client, which sends it all before it reads
   * the answer, gets the 413 rather than a broken connection.
   */
  private static byte[] body(InputStream in, int limit) throws IOException, ServiceError.Raised {
    byte[] bytes = in.readNBytes(limit + 1);
    if (bytes.length > limit) {
      discard(in);
      throw tooLarge(limit);
    }
    return bytes;
  }

  /**
   * Reads and drops the payload of a refused call (up to {@link #DISCARD_LIMIT}), so the client gets
   * the answer. With {@code read}, which waits for the bytes still on their way: {@code skip} may
   * answer 0 before the end, and an answer sent then, with the body unread, closed the connection
   * under the client (found by {@code LambdaServeBurstE2ETest}).
   */
  private static void discard(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long dropped = 0;
    int n;
    while (dropped < DISCARD_LIMIT && (n = in.read(buffer)) >= 0) {
      dropped += n;
    }
  }

  private static ServiceError.Raised tooLarge(int limit) {
    return ServiceError.tooLarge("Request must be smaller than " + limit + " bytes for the InvokeFunction operation").raise();
  }
}
