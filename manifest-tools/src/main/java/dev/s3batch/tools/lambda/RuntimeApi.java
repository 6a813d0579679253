package dev.s3batch.tools.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Runtime API (version 2018-06-01) one execution environment talks to: {@code invocation/next}
 * (blocks until an invocation is handed to this environment), {@code invocation/{id}/response}
 * buffered (6 MB, as Lambda) or streamed ({@code Lambda-Runtime-Function-Response-Mode: streaming},
 * chunked, up to 200 MB, an error in the trailers {@code Lambda-Runtime-Function-Error-Type} and
 * {@code -Body}), {@code invocation/{id}/error} and {@code init/error}, answered 202.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html">Lambda runtime API</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming">
 *     Response streaming for custom runtimes</a>
 */
final class RuntimeApi {

  static final String BASE = "/2018-06-01/runtime/";
  /**
   * A buffered response's limit: 6 MiB and 100 bytes, the figure Lambda itself names when it refuses
   * one ("maximum allowed payload size (6291556 bytes)"), not the 6 MiB of its quota page.
   */
  static final int BUFFERED_LIMIT = 6 * 1024 * 1024 + 100;
  static final long STREAMED_LIMIT = 200L * 1024 * 1024;
  private static final int ERROR_LIMIT = 1024 * 1024;
  private static final String ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
  private static final String ERROR_BODY = "Lambda-Runtime-Function-Error-Body";

  private RuntimeApi() {}

  static void handle(FunctionHost host, ExecutionEnvironment env, Request request, Response response, Callback callback)
      throws Exception {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (!path.startsWith(BASE)) {
      status(response, callback, 404, "{\"errorMessage\":\"not a Runtime API path\",\"errorType\":\"NotFound\"}");
      return;
    }
    String rest = path.substring(BASE.length());
    if (method.equals("GET") && rest.equals("invocation/next")) {
      next(host, env, response, callback);
    } else if (method.equals("POST") && rest.equals("init/error")) {
      byte[] body = readUpTo(request, ERROR_LIMIT);
      host.initFailed(env, failure(request.getHeaders().get(ERROR_TYPE), body));
      accepted(response, callback);
    } else if (method.equals("POST") && rest.startsWith("invocation/")) {
      answer(host, env, rest.substring("invocation/".length()), request, response, callback);
    } else {
      status(response, callback, 404, "{\"errorMessage\":\"unknown Runtime API call\",\"errorType\":\"NotFound\"}");
    }
  }

  private static void next(FunctionHost host, ExecutionEnvironment env, Response response, Callback callback)
      throws InterruptedException {
    Invocation invocation = host.next(env);
    if (invocation == null) {
      status(response, callback, 500, "{\"errorMessage\":\"the environment is stopping\",\"errorType\":\"Runtime.Stopping\"}");
      return;
    }
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    headers.put("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
    headers.put("Lambda-Runtime-Deadline-Ms",
        Long.toString(System.currentTimeMillis() + host.spec().timeoutSeconds() * 1000L));
    headers.put("Lambda-Runtime-Invoked-Function-Arn", invocation.invokedArn());
    headers.put("Lambda-Runtime-Trace-Id", TraceId.next());
    if (invocation.clientContext() != null) {
      headers.put("Lambda-Runtime-Client-Context", invocation.clientContext());
    }
    response.setStatus(200);
    SlicedWrite.send(response, invocation.payload(), new Callback.Nested(callback) {
      @Override
      public void failed(Throwable x) {
        host.undelivered(env, invocation, x);
        super.failed(x);
      }
    });
  }

  private static void answer(FunctionHost host, ExecutionEnvironment env, String idAndKind, Request request,
      Response response, Callback callback) throws IOException {
    int slash = idAndKind.lastIndexOf('/');
    String id = slash < 0 ? "" : idAndKind.substring(0, slash);
    String kind = slash < 0 ? "" : idAndKind.substring(slash + 1);
    Invocation invocation = env.current;
    if (invocation == null || !invocation.requestId().equals(id) || !(kind.equals("response") || kind.equals("error"))) {
      status(response, callback, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
      return;
    }
    if (kind.equals("error")) {
      byte[] body = readUpTo(request, ERROR_LIMIT);
      host.finish(env, invocation, failure(request.getHeaders().get(ERROR_TYPE), body));
      accepted(response, callback);
    } else if ("streaming".equalsIgnoreCase(request.getHeaders().get("Lambda-Runtime-Function-Response-Mode"))) {
      streamed(host, env, invocation, request, response, callback);
    } else {
      byte[] body = readUpTo(request, BUFFERED_LIMIT + 1);
      if (body.length > BUFFERED_LIMIT) {
        host.finish(env, invocation, tooLarge(BUFFERED_LIMIT));
        status(response, callback, 413, "{\"errorMessage\":\"Exceeded maximum allowed payload size (" + BUFFERED_LIMIT
            + " bytes).\",\"errorType\":\"RequestEntityTooLarge\"}");
        return;
      }
      host.finish(env, invocation, new Outcome.Returned(body));
      accepted(response, callback);
    }
  }

  /** A streamed response: forwarded chunk by chunk to a streaming caller, or gathered for a buffered one. */
  private static void streamed(FunctionHost host, ExecutionEnvironment env, Invocation invocation, Request request,
      Response response, Callback callback) throws IOException {
    Invocation.ChunkSink sink = invocation.streamTo();
    ByteArrayOutputStream gathered = new ByteArrayOutputStream();
    long total = 0;
    boolean forwarding = true;
    Outcome tooLarge = null;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Request.asInputStream(request)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (tooLarge != null || invocation.isDone()) {
          continue;
        }
        long limit = sink == null ? BUFFERED_LIMIT : STREAMED_LIMIT;
        if (total > limit) {
          tooLarge = tooLarge(limit);
          host.finish(env, invocation, tooLarge);
        } else if (sink == null) {
          gathered.write(buffer, 0, n);
        } else if (forwarding) {
          try {
            sink.chunk(buffer, 0, n);
          } catch (IOException e) {
            forwarding = false; // the caller went away; the function runs on, as on Lambda
          }
        }
      }
    }
    HttpFields trailers = request.getTrailers();
    String errorType = trailers == null ? null : trailers.get(ERROR_TYPE);
    if (tooLarge == null) {
      if (errorType != null) {
        String body = trailers.get(ERROR_BODY);
        byte[] decoded;
        try {
          decoded = body == null ? new byte[0] : Base64.getDecoder().decode(body.trim());
        } catch (IllegalArgumentException e) {
          decoded = body.getBytes(StandardCharsets.UTF_8);
        }
        host.finish(env, invocation, failure(errorType, decoded));
      } else {
        host.finish(env, invocation, new Outcome.Returned(gathered.toByteArray()));
      }
    }
    accepted(response, callback);
  }

  private static Outcome.Failed failure(String errorType, byte[] body) {
    if (body.length == 0 || !Json.isJsonObject(body)) {
      return Outcome.Failed.of(errorType == null ? "Runtime.Unknown" : errorType,
          new String(body, StandardCharsets.UTF_8));
    }
    return new Outcome.Failed(errorType, body);
  }

  private static Outcome.Failed tooLarge(long limit) {
    return Outcome.Failed.of("Function.ResponseSizeTooLarge",
        "Response payload size exceeded maximum allowed payload size (" + limit + " bytes).");
  }

  private static byte[] readUpTo(Request request, int limit) throws IOException {
    try (InputStream in = Request.asInputStream(request)) {
      byte[] bytes = in.readNBytes(limit);
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return bytes;
    }
  }

  private static void accepted(Response response, Callback callback) {
    status(response, callback, 202, "{\"status\":\"OK\"}");
  }

  private static void status(Response response, Callback callback, int status, String json) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
