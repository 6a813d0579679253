package dev.s3batch.tools.lambda;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Sends each request to its API by the port it came in on: the service's port serves Invoke and
 * InvokeWithResponseStream, every other port is one environment's Runtime API.
 */
final class Router extends Handler.Abstract {

  private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
  private static final Pattern STREAM = Pattern.compile("/2021-11-15/functions/([^/]+)/response-streaming-invocations");

  private final ServerConnector invokeConnector;
  private final InvokeApi invoke;
  private final StreamingInvokeApi stream;
  private final Map<Integer, ExecutionEnvironment> environments;

  Router(ServerConnector invokeConnector, InvokeApi invoke, StreamingInvokeApi stream,
      Map<Integer, ExecutionEnvironment> environments) {
    this.invokeConnector = invokeConnector;
    this.invoke = invoke;
    this.stream = stream;
    this.environments = environments;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    int port = Request.getLocalPort(request);
    if (port == invokeConnector.getLocalPort()) {
      String path = request.getHttpURI().getPath();
      Matcher m;
      if (request.getMethod().equals("POST") && (m = INVOKE.matcher(path)).matches()) {
        invoke.invoke(m.group(1), request, response, callback);
      } else if (request.getMethod().equals("POST") && (m = STREAM.matcher(path)).matches()) {
        stream.invoke(m.group(1), request, response, callback);
      } else {
        new ServiceError(404, "UnknownOperationException", "this local Lambda service answers Invoke and"
            + " InvokeWithResponseStream only, not " + request.getMethod() + " " + path).send(response, callback);
      }
      return true;
    }
    ExecutionEnvironment env = environments.get(port);
    FunctionHost host = env == null ? null : env.host();
    if (host == null) {
      response.setStatus(404);
      response.write(true, ByteBuffer.wrap("{\"errorMessage\":\"no such environment\"}".getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
    RuntimeApi.handle(host, env, request, response, callback);
    return true;
  }
}
