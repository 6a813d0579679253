package dev.s3batch.tools.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
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
  /** Lambda's limit for {@code X-Amz-Client-Context}, decoded. */
  static final int CLIENT_CONTEXT_LIMIT = 3583;

  private static final Set<String> JSON_TYPES = Set.of("", "application/json", "application/octet-stream",
      "binary/octet-stream", "application/x-amz-json-1.0", "application/x-amz-json-1.1", "text/plain");

  /**
   * The invocation {@code request} asks for, or null when it has been answered already: with the
   * error Lambda would send, or with DryRun's 204. Both Invoke APIs start here.
   */
  static InvokeRequest accept(Request request, Response response, Callback callback, String functionSegment,
      boolean streaming, Map<String, FunctionHost> hosts, String region) throws IOException {
    InvokeRequest call;
    try {
      call = read(request, functionSegment, streaming, hosts, region);
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
   * Reads and checks {@code request}; {@code functionSegment} is the still-encoded path segment.
   * Unless it is a DryRun, the request returned holds a place of its function
   * ({@link FunctionHost#reserve()}): submit it, or release the place.
   *
   * @throws ServiceError.Raised the error Lambda would answer
   */
  static InvokeRequest read(Request request, String functionSegment, boolean streaming, Map<String, FunctionHost> hosts,
      String region) throws ServiceError.Raised, IOException {
    String given = URLDecoder.decode(functionSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
    FunctionName name = FunctionName.parse(given);
    if (name == null) {
      throw ServiceError.invalidParameter("1 validation error detected: Value '" + given
          + "' at 'functionName' failed to satisfy constraint: Member must satisfy the FunctionName pattern").raise();
    }
    String qualifier = Request.extractQueryParameters(request).getValue("Qualifier");
    if (qualifier != null && !FunctionSpec.QUALIFIER.matcher(qualifier).matches()) {
      throw ServiceError.invalidParameter("1 validation error detected: Value '" + qualifier
          + "' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)").raise();
    }
    if (qualifier != null && name.qualifier() != null && !qualifier.equals(name.qualifier())) {
      throw ServiceError.invalidParameter("The derived qualifier from the function name does not match the specified qualifier.").raise();
    }
    String effective = qualifier != null ? qualifier : name.qualifier();
    FunctionHost host = hosts.get(name.name());
    String arn = name.arn(region, effective);
    if (host == null || (effective != null && !effective.equals("$LATEST") && !host.spec().qualifiers().contains(effective))) {
      throw ServiceError.notFound("Function not found: " + arn).raise();
    }
    String type = header(request, "X-Amz-Invocation-Type", "RequestResponse");
    Set<String> types = streaming ? Set.of("RequestResponse", "DryRun") : Set.of("RequestResponse", "Event", "DryRun");
    if (!types.contains(type)) {
      throw ServiceError.invalidParameter("1 validation error detected: Value '" + type
          + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: " + types).raise();
    }
    String logType = header(request, "X-Amz-Log-Type", "None");
    if (!logType.equals("None") && !logType.equals("Tail")) {
      throw ServiceError.invalidParameter("1 validation error detected: Value '" + logType
          + "' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [None, Tail]").raise();
    }
    String clientContext = clientContext(request.getHeaders().get("X-Amz-Client-Context"));
    String contentType = mediaType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    if (!JSON_TYPES.contains(contentType)) {
      throw ServiceError.unsupportedMediaType("The content type " + contentType + " of the request body is not supported;"
          + " send JSON (application/json)").raise();
    }
    int limit = type.equals("Event") ? EVENT_LIMIT : SYNC_LIMIT;
    boolean reserved = !type.equals("DryRun");
    if (reserved && !host.reserve()) {
      discard(request);
      throw ServiceError.throttled().raise();
    }
    byte[] payload;
    try {
      payload = body(request, limit);
      if (payload.length > 0 && !Json.isJson(payload)) {
        throw ServiceError.invalidContent("Could not parse request body into json: the payload is not one JSON value").raise();
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

  private static String header(Request request, String name, String fallback) {
    String value = request.getHeaders().get(name);
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
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(header.trim());
    } catch (IllegalArgumentException e) {
      throw ServiceError.invalidParameter("Client context must be a valid Base64-encoded JSON object.").raise();
    }
    if (decoded.length > CLIENT_CONTEXT_LIMIT) {
      throw ServiceError.invalidParameter("Client context must be at most " + CLIENT_CONTEXT_LIMIT
          + " bytes (decoded); it is " + decoded.length).raise();
    }
    if (!Json.isJsonObject(decoded)) {
      throw ServiceError.invalidParameter("Client context must be a valid Base64-encoded JSON object.").raise();
    }
    return new String(decoded, StandardCharsets.UTF_8);
  }

  /**
   * The payload, at most {@code limit} bytes. A larger one is still read (up to
   * {@link #DISCARD_LIMIT}) and dropped, so that the client, which sends it all before it reads
   * the answer, gets the 413 rather than a broken connection.
   */
  private static byte[] body(Request request, int limit) throws IOException, ServiceError.Raised {
    try (InputStream in = Request.asInputStream(request)) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        long dropped = 0;
        long n;
        while (dropped < DISCARD_LIMIT && (n = in.skip(64 * 1024)) > 0) {
          dropped += n;
        }
        throw tooLarge(limit);
      }
      return bytes;
    }
  }

  /** Reads and drops the payload of a refused call (up to {@link #DISCARD_LIMIT}), so the client gets the answer. */
  private static void discard(Request request) throws IOException {
    try (InputStream in = Request.asInputStream(request)) {
      long dropped = 0;
      long n;
      while (dropped < DISCARD_LIMIT && (n = in.skip(64 * 1024)) > 0) {
        dropped += n;
      }
    }
  }

  private static ServiceError.Raised tooLarge(int limit) {
    return ServiceError.tooLarge("Request must be smaller than " + limit + " bytes for the InvokeFunction operation").raise();
  }
}
