package dev.s3batch.tools.lambda;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lambda's {@code Invoke} ({@code POST /2015-03-31/functions/{name}/invocations}): RequestResponse
 * answers 200 with the function's payload (a function error with {@code X-Amz-Function-Error:
 * Unhandled}), Event answers 202 once the invocation is queued, DryRun answers 204 once the
 * request is checked; {@code X-Amz-Log-Type: Tail} adds {@code X-Amz-Log-Result}.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html">Invoke</a>
 */
final class InvokeApi {

  private final Map<String, FunctionHost> hosts;
  private final String region;
  private final Consumer<String> log;

  InvokeApi(Map<String, FunctionHost> hosts, String region, Consumer<String> log) {
    this.hosts = hosts;
    this.region = region;
    this.log = log;
  }

  void invoke(String functionSegment, Request request, Response response, Callback callback) throws Exception {
    InvokeRequest call = InvokeRequest.accept(request, response, callback, functionSegment, false, hosts, region);
    if (call == null) {
      return;
    }
    HttpFields.Mutable headers = response.getHeaders();
    Invocation invocation = new Invocation(call.payload(), call.clientContext(), call.tail(), call.arn(),
        call.executedVersion(), null);
    if (!call.host().submit(invocation)) {
      ServiceError.throttled().send(response, callback);
      return;
    }
    headers.put("x-amzn-RequestId", invocation.requestId());
    if (call.type().equals("Event")) {
      String name = call.host().spec().name();
      invocation.outcome().thenAccept(o -> {
        if (o instanceof Outcome.Failed f) {
          log.accept("[" + name + "] Event " + invocation.requestId() + " failed: " + new String(f.body(),
              java.nio.charset.StandardCharsets.UTF_8));
        }
      });
      response.setStatus(202);
      callback.succeeded();
      return;
    }
    Outcome outcome = await(invocation);
    headers.put("X-Amz-Executed-Version", call.executedVersion());
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    if (invocation.logResult() != null) {
      headers.put("X-Amz-Log-Result", invocation.logResult());
    }
    byte[] body;
    if (outcome instanceof Outcome.Failed f) {
      headers.put("X-Amz-Function-Error", "Unhandled");
      body = f.body();
    } else {
      body = ((Outcome.Returned) outcome).payload();
    }
    response.setStatus(200);
    SlicedWrite.send(response, body, callback);
  }

  static Outcome await(Invocation invocation) throws InterruptedException {
    try {
      return invocation.outcome().get();
    } catch (ExecutionException e) {
      return Outcome.Failed.of("Runtime.Unknown", String.valueOf(e.getCause()));
    }
  }
}
