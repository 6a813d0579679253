package dev.s3batch.tools.lambdaclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP endpoint that answers Lambda's Invoke API as the test scripts it, so the real SDK
 * client can be driven into throttling, service errors and function errors (the Lambda-level
 * answers {@code lambda serve} gives only under load). Binds 127.0.0.1, an ephemeral port.
 */
public final class FakeLambdaEndpoint implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One request as it arrived. */
  public record Request(String path, String query, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }

    public JsonNode json() throws IOException {
      return MAPPER.readTree(body);
    }
  }

  /** One answer. */
  public record Reply(int status, Map<String, String> headers, byte[] body) {
    public static Reply json(int status, String body, Map<String, String> headers) {
      return new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A restJson1 error, as Lambda sends it. */
    public static Reply error(int status, String type, String message) {
      return json(status, "{\"Type\":\"User\",\"message\":\"" + message + "\"}", Map.of("x-amzn-ErrorType", type));
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private FakeLambdaEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Starts the endpoint answering with {@code answer}. */
  public static FakeLambdaEndpoint start(Function<Request, Reply> answer) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    FakeLambdaEndpoint fake = new FakeLambdaEndpoint(server);
    server.createContext("/", exchange -> {
      try (exchange) {
        Request request = new Request(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
            Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
        fake.requests.add(request);
        Reply reply = answer.apply(request);
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
          exchange.getResponseBody().write(reply.body());
        }
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    return fake;
  }

  /** A function's answer for the event's only task: {@code resultCode} and {@code resultString}. */
  public static Reply answer(Request request, String resultCode, String resultString) {
    try {
      JsonNode event = request.json();
      var response = MAPPER.createObjectNode()
          .put("invocationSchemaVersion", event.path("invocationSchemaVersion").asText())
          .put("treatMissingKeysAs", "PermanentFailure")
          .put("invocationId", event.path("invocationId").asText());
      response.putArray("results").addObject()
          .put("taskId", event.path("tasks").get(0).path("taskId").asText())
          .put("resultCode", resultCode)
          .put("resultString", resultString);
      return Reply.json(200, response.toString(), Map.of("X-Amz-Executed-Version", "$LATEST"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The endpoint, {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every request so far. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
