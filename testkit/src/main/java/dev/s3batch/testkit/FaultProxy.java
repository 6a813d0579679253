package dev.s3batch.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 (a free port) in front of a real S3 server, for tests that need
 * S3 to misbehave. It forwards every request and answer byte for byte (headers, {@code Host}
 * included, so SigV4 signatures still match; streaming and chunked bodies; {@code 100 Continue}),
 * records every request, and answers chosen requests with a {@link Fault} instead.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint())) {
 *   proxy.inject(r -> r.operation().equals("DeleteObject"), Fault.slowDown(), 1);
 *   S3Client s3 = ...endpointOverride(proxy.endpoint())...;
 *   ...
 *   assertThat(proxy.requests()).extracting(RecordedRequest::operation).contains("HeadObject");
 * }
 * }</pre>
 *
 * <p>Thread-safe. Each client connection is served by its own daemon thread.
 */
public final class FaultProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Function<RecordedRequest, Fault>> choosers = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  });

  private record Rule(Predicate<RecordedRequest> when, Fault fault, AtomicInteger left) {}

  private FaultProxy(ServerSocket server, InetSocketAddress upstream) {
    this.server = server;
    this.upstream = upstream;
    threads.execute(this::acceptLoop);
  }

  /** Starts a proxy in front of {@code upstream} (an {@code http://host:port} endpoint). */
  public static FaultProxy start(URI upstream) {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      return new FaultProxy(server, new InetSocketAddress(upstream.getHost(), upstream.getPort()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot start the fault proxy", e);
    }
  }

  /** The proxy's endpoint, for a client's {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /**
   * Answers the next {@code times} requests that match {@code when} with {@code fault}. Rules
   * are tried in the order added; a used-up rule matches nothing.
   */
  public FaultProxy inject(Predicate<RecordedRequest> when, Fault fault, int times) {
    rules.add(new Rule(when, fault, new AtomicInteger(times)));
    return this;
  }

  /**
   * Asks {@code chooser} about every request that no counted rule ({@link #inject}) broke: the
   * fault it returns, or null to forward the request. For faults by chance, such as a
   * {@link FaultMix}. Called from the connections' threads at once.
   */
  public FaultProxy injectEach(Function<RecordedRequest, Fault> chooser) {
    choosers.add(chooser);
    return this;
  }

  /** Every request received so far, in arrival order (faulted ones included). */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The S3 operation of every request received so far, in order. */
  public List<String> operations() {
    return requests().stream().map(RecordedRequest::operation).toList();
  }

  /** Forgets recorded requests and unused faults. */
  public void clear() {
    requests.clear();
    rules.clear();
    choosers.clear();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    Socket up = null;
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        HttpHead head = HttpHead.read(in);
        if (head == null) {
          return;
        }
        RecordedRequest request = head.toRequest();
        requests.add(request);
        Fault fault = faultFor(request);
        if (fault instanceof Fault.Reset) {
          client.setSoLinger(true, 0);
          return;
        }
        if (fault instanceof Fault.ErrorAnswer || fault instanceof Fault.Closed) {
          if (head.expectsContinue()) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
          }
          HttpBodies.copyRequestBody(head, in, OutputStream.nullOutputStream());
          if (!(fault instanceof Fault.ErrorAnswer answer)) {
            return;
          }
          out.write(HttpBodies.errorAnswer(answer, requests.size(), head.method().equals("HEAD")));
          out.flush();
          continue;
        }
        if (fault instanceof Fault.Delay delay) {
          Thread.sleep(delay.delay().toMillis());
        }
        if (up == null || up.isClosed()) {
          up = new Socket(upstream.getAddress(), upstream.getPort());
        }
        boolean lose = fault instanceof Fault.AnswerLost;
        if (!forward(head, in, out, up, lose) || lose) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client or the server went away: nothing to answer
    } finally {
      if (up != null) {
        try {
          up.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
  }

  /**
   * Forwards one exchange; false when the connection must close afterwards. With {@code lose},
   * the final answer is read from the server in full but not passed on (a {@code 100 Continue}
   * still is, so the client sends its body).
   */
  private static boolean forward(HttpHead head, InputStream in, OutputStream out, Socket up, boolean lose)
      throws IOException {
    OutputStream answerOut = lose ? OutputStream.nullOutputStream() : out;
    InputStream upIn = new BufferedInputStream(up.getInputStream());
    OutputStream upOut = up.getOutputStream();
    upOut.write(head.raw());
    upOut.flush();
    HttpHead answer;
    if (head.expectsContinue()) {
      answer = HttpHead.read(upIn);
      if (answer == null) {
        return false;
      }
      if (answer.status() != 100) {
        answerOut.write(answer.raw());
        HttpBodies.copyResponseBody(head, answer, upIn, answerOut);
        out.flush();
        return false;
      }
      out.write(answer.raw());
      out.flush();
    }
    HttpBodies.copyRequestBody(head, in, upOut);
    upOut.flush();
    do {
      answer = HttpHead.read(upIn);
      if (answer == null) {
        return false;
      }
      (answer.status() < 200 ? out : answerOut).write(answer.raw());
    } while (answer.status() >= 100 && answer.status() < 200);
    boolean untilClose = HttpBodies.copyResponseBody(head, answer, upIn, answerOut);
    out.flush();
    return !untilClose && !head.closes() && !answer.closes();
  }

  private Fault faultFor(RecordedRequest request) {
    List<Rule> snapshot = new ArrayList<>(rules);
    for (Rule rule : snapshot) {
      if (rule.left().get() > 0 && rule.when().test(request) && rule.left().getAndDecrement() > 0) {
        return rule.fault();
      }
    }
    for (Function<RecordedRequest, Fault> chooser : choosers) {
      Fault fault = chooser.apply(request);
      if (fault != null) {
        return fault;
      }
    }
    return null;
  }
}
