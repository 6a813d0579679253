package dev.s3batch.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (version 2018-06-01) on 127.0.0.1, for running a function under AWS's real
 * runtime interface client where the Lambda service cannot run. {@code GET .../invocation/next}
 * blocks until the test {@link #invoke invokes} an event; the client's answer to
 * {@code .../invocation/{id}/response} or {@code .../invocation/{id}/error} completes that
 * invocation's future; {@code .../init/error} completes {@link #initError()}.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html">Using the Lambda
 *     runtime API for custom runtimes</a>
 */
final class FakeLambdaRuntimeApi implements AutoCloseable {

  static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:s3batch-e2e";
  private static final String BASE = "/2018-06-01/runtime/";

  /** What the runtime client POSTed for one invocation, and when the event was handed out. */
  record Answer(String kind, String errorType, String body, long servedNanos, long answeredNanos) {}

  private record Pending(String requestId, byte[] event, CompletableFuture<Answer> answer) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Map<String, Pending> served = new ConcurrentHashMap<>();
  private final Map<String, Long> servedAt = new ConcurrentHashMap<>();
  private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
  private final CompletableFuture<String> initError = new CompletableFuture<>();
  private volatile boolean closed;

  FakeLambdaRuntimeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(BASE, this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The value for {@code AWS_LAMBDA_RUNTIME_API}: {@code host:port}. */
  String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Hands {@code event} to the next {@code GET .../invocation/next}; completes with the answer. */
  CompletableFuture<Answer> invoke(String requestId, String event) {
    Pending pending = new Pending(requestId, event.getBytes(StandardCharsets.UTF_8), new CompletableFuture<>());
    queue.add(pending);
    return pending.answer();
  }

  /** When (System.nanoTime) the runtime client first asked for an invocation: its init was done. */
  CompletableFuture<Long> firstNext() {
    return firstNext;
  }

  /** The body of an {@code init/error} POST, if the client reported one. */
  CompletableFuture<String> initError() {
    return initError;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(BASE.length());
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && path.equals("invocation/next")) {
        next(exchange);
      } else if (method.equals("POST") && path.equals("init/error")) {
        initError.complete(body(exchange));
        exchange.sendResponseHeaders(202, -1);
      } else if (method.equals("POST") && path.startsWith("invocation/")) {
        answer(exchange, path.substring("invocation/".length()));
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    firstNext.complete(System.nanoTime());
    Pending pending = null;
    try {
      while (pending == null && !closed) {
        pending = queue.poll(100, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (pending == null) {
      exchange.sendResponseHeaders(503, -1);
      return;
    }
    served.put(pending.requestId(), pending);
    servedAt.put(pending.requestId(), System.nanoTime());
    var headers = exchange.getResponseHeaders();
    headers.add("Content-Type", "application/json");
    headers.add("Lambda-Runtime-Aws-Request-Id", pending.requestId());
    headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 300_000));
    headers.add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
    headers.add("Lambda-Runtime-Trace-Id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
    exchange.sendResponseHeaders(200, pending.event().length);
    exchange.getResponseBody().write(pending.event());
  }

  private void answer(HttpExchange exchange, String idAndKind) throws IOException {
    int slash = idAndKind.lastIndexOf('/');
    Pending pending = slash < 0 ? null : served.get(idAndKind.substring(0, slash));
    String kind = slash < 0 ? "" : idAndKind.substring(slash + 1);
    if (pending == null || !(kind.equals("response") || kind.equals("error"))) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    String body = body(exchange);
    String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
    pending.answer().complete(
        new Answer(kind, errorType, body, servedAt.get(pending.requestId()), System.nanoTime()));
    exchange.sendResponseHeaders(202, -1);
  }

  private static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    threads.shutdownNow();
  }
}
