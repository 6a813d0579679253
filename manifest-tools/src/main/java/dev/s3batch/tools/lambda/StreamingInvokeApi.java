package dev.s3batch.tools.lambda;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lambda's {@code InvokeWithResponseStream}
 * ({@code POST /2021-11-15/functions/{name}/response-streaming-invocations}): the answer is an
 * event stream of {@code PayloadChunk}s and one {@code InvokeComplete}. A streaming-mode
 * function's chunks are forwarded as the runtime sends them (the caller has its first bytes
 * before the function returns); a buffered function's response goes out in chunks once it
 * returns. A function error ends the stream with {@code ErrorCode: Unhandled} and the error's
 * JSON as {@code ErrorDetails} (AWS does not document these values; see README).
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_InvokeWithResponseStream.html">InvokeWithResponseStream</a>
 */
final class StreamingInvokeApi {

  private final Map<String, FunctionHost> hosts;
  private final String region;

  StreamingInvokeApi(Map<String, FunctionHost> hosts, String region) {
    this.hosts = hosts;
    this.region = region;
  }

  void invoke(String functionSegment, Request request, Response response, Callback callback) throws Exception {
    InvokeRequest call = InvokeRequest.accept(request, response, callback, functionSegment, true, hosts, region);
    if (call == null) {
      return;
    }
    HttpFields.Mutable headers = response.getHeaders();
    OutputStream body = Content.Sink.asOutputStream(response);
    EventStreamWriter stream = new EventStreamWriter(body);
    Invocation invocation = new Invocation(call.payload(), call.clientContext(), call.tail(), call.arn(),
        call.executedVersion(), stream);
    headers.put("x-amzn-RequestId", invocation.requestId());
    headers.put("X-Amz-Executed-Version", call.executedVersion());
    headers.put(HttpHeader.CONTENT_TYPE, "application/vnd.amazon.eventstream");
    response.setStatus(200);
    if (!call.host().submit(invocation)) {
      headers.clear();
      ServiceError.throttled().send(response, callback);
      return;
    }
    try {
      Outcome outcome = InvokeApi.await(invocation);
      if (outcome instanceof Outcome.Failed f) {
        stream.complete("Unhandled", new String(f.body(), StandardCharsets.UTF_8), invocation.logResult());
      } else {
        byte[] rest = ((Outcome.Returned) outcome).payload();
        if (rest.length > 0) {
          stream.chunk(rest, 0, rest.length);
        }
        stream.complete(null, null, invocation.logResult());
      }
      callback.succeeded();
    } catch (Exception e) {
      callback.failed(e);
    }
  }
}
