package dev.s3batch.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on 127.0.0.1 that forwards every request to an S3 endpoint (path-style) and
 * records it with its S3 operation name: what a piece of code really calls, seen on the wire.
 * Point a client's endpoint at {@link #endpoint()}.
 *
 * <pre>{@code
 * try (RecordingProxy proxy = RecordingProxy.start(S3MockServer.get().endpoint())) {
 *   // ... run code with AWS_ENDPOINT_URL = proxy.endpoint() ...
 *   proxy.requests().forEach(r -> System.out.println(r.operation()));
 * }
 * }</pre>
 *
 * <p>Thread-safe; requests are recorded in the order their answers were sent.
 */
public final class RecordingProxy implements AutoCloseable {

  /** Headers the JDK's HTTP client sets itself and refuses from callers. */
  private static final Set<String> HOP_HEADERS =
      Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "keep-alive", "te",
          "trailer", "proxy-connection", "date");

  private final URI target;
  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  private RecordingProxy(URI target) throws IOException {
    this.target = target;
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "recording-proxy");
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a proxy on 127.0.0.1 (a free port) in front of {@code target}. */
  public static RecordingProxy start(URI target) {
    try {
      return new RecordingProxy(target);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the recording proxy", e);
    }
  }

  /** The proxy's endpoint, e.g. {@code http://127.0.0.1:40123}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every request recorded so far. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the requests recorded so far. */
  public void clear() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String rawPath = exchange.getRequestURI().getRawPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder out = HttpRequest.newBuilder(
          URI.create(target.toString().replaceAll("/$", "") + rawPath + (rawQuery == null ? "" : "?" + rawQuery)));
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> {
        String lower = name.toLowerCase(Locale.ROOT);
        headers.put(lower, List.copyOf(values));
        if (!HOP_HEADERS.contains(lower)) {
          values.forEach(v -> out.header(name, v));
        }
      });
      out.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<byte[]> response;
      try {
        response = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      response.headers().map().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || "head".equalsIgnoreCase(method)
            && "content-length".equalsIgnoreCase(name)) {
          exchange.getResponseHeaders().put(name, new ArrayList<>(values));
        }
      });
      record(method, rawPath, rawQuery, headers, response.statusCode());
      byte[] answer = response.body();
      boolean noBody = "HEAD".equals(method) || answer.length == 0 || response.statusCode() == 204
          || response.statusCode() == 304;
      exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
      if (!noBody) {
        exchange.getResponseBody().write(answer);
      }
    }
  }

  private void record(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, int status) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    int slash = path.indexOf('/');
    String bucket = decode(slash < 0 ? path : path.substring(0, slash));
    String key = slash < 0 || slash == path.length() - 1 ? null : decode(path.substring(slash + 1));
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    String operation = S3OperationNames.name(
        method, !bucket.isEmpty(), key != null, query, headers.containsKey("x-amz-copy-source"));
    requests.add(new RecordedRequest(method, operation, bucket, key, query, headers, status));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
