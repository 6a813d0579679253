package dev.s3batch.tools.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A local Lambda service on 127.0.0.1, without Docker: the Invoke and InvokeWithResponseStream
 * APIs that the AWS SDKs call, for functions run as Lambda runs them (each execution environment
 * a child process under the Runtime API; Java ones under AWS's runtime interface client). Point a
 * client at {@link #endpoint()}:
 *
 * <pre>{@code
 * try (LambdaService lambda = LambdaService.start(List.of(FunctionSpec.parse(
 *         "s3batch=dev.s3batch.handler.S3BatchHandler::handleRequest@handler/target/s3batch-handler-0.1.0-SNAPSHOT-lambda.jar")), 0);
 *      LambdaClient client = LambdaClient.builder().endpointOverride(lambda.endpoint()).build()) {
 *   client.invoke(b -> b.functionName("s3batch").payload(SdkBytes.fromUtf8String(event)));
 * }
 * }</pre>
 *
 * <p>Each environment's Runtime API is a port of its own on the same server, so every Runtime
 * API call is known to come from one environment. Thread-safe.
 */
public final class LambdaService implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  private static final long INVOKE_IDLE_MILLIS = 20 * 60 * 1000L;
  private static final long RUNTIME_IDLE_MILLIS = 7 * 24 * 3600 * 1000L;

  private final Server server;
  private final ServerConnector invokeConnector;
  private final Map<String, FunctionHost> hosts;
  private final Map<Integer, ExecutionEnvironment> environments;
  private final ScheduledExecutorService timer;
  private final Path work;

  private LambdaService(Server server, ServerConnector invokeConnector, Map<String, FunctionHost> hosts,
      Map<Integer, ExecutionEnvironment> environments, ScheduledExecutorService timer, Path work) {
    this.server = server;
    this.invokeConnector = invokeConnector;
    this.hosts = hosts;
    this.environments = environments;
    this.timer = timer;
    this.work = work;
  }

  /** The port asked for is taken; nothing was started. */
  public static final class PortInUseException extends IOException {
    PortInUseException(int port, Throwable cause) {
      super("port " + port + " is in use on " + HOST, cause);
    }
  }

  /**
   * Starts the service with {@code functions} on {@code port} (0 for a free one), the children's
   * output lines going to standard error. Environments start when the first invocations come.
   *
   * @throws IllegalArgumentException when a function is misconfigured (nothing is started)
   * @throws PortInUseException when {@code port} is taken
   */
  public static LambdaService start(List<FunctionSpec> functions, int port) throws IOException {
    return start(functions, port, System.err::println);
  }

  /** As {@link #start(List, int)}, each log line (children's output, START/END/REPORT) given to {@code log}. */
  public static LambdaService start(List<FunctionSpec> functions, int port, Consumer<String> log) throws IOException {
    check(functions);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not a TCP port (0 to 65535)");
    }
    Consumer<String> sink = Objects.requireNonNull(log, "log");
    String region = region();
    Path work = Files.createTempDirectory("s3batch-lambda-");
    boolean started = false;
    QueuedThreadPool threads = new QueuedThreadPool(2_000, 4);
    threads.setName("s3batch-lambda");
    threads.setDaemon(true);
    Server server = new Server(threads);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "s3batch-lambda-timer");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Path> clientJars = functions.stream().anyMatch(FunctionSpec::isJava) ? RuntimeJars.locate() : List.of();
      Path jni = clientJars.isEmpty() ? null : RuntimeJars.extractJni(clientJars.get(0), work);
      Map<Integer, ExecutionEnvironment> environments = new ConcurrentHashMap<>();
      FunctionHost.RuntimePorts ports = new Ports(server, environments);
      Map<String, FunctionHost> hosts = new LinkedHashMap<>();
      for (FunctionSpec spec : functions) {
        Path taskRoot = spec.isJava() ? TaskRoot.of(spec.name(), spec.code(), work) : null;
        Launcher launcher = new Launcher(spec, taskRoot, clientJars, jni, region, System.getenv());
        hosts.put(spec.name(), new FunctionHost(spec, launcher, ports, timer, sink));
      }
      ServerConnector invoke = connector(server, port, INVOKE_IDLE_MILLIS);
      server.addConnector(invoke);
      server.setHandler(new Router(invoke, new InvokeApi(hosts, region, sink), new StreamingInvokeApi(hosts, region),
          environments));
      try {
        server.start();
      } catch (IOException e) {
        if (port != 0 && (e instanceof BindException || e.getCause() instanceof BindException)) {
          throw new PortInUseException(port, e);
        }
        throw e;
      }
      started = true;
      return new LambdaService(server, invoke, hosts, environments, timer, work);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("the local Lambda service did not start: " + e.getMessage(), e);
    } finally {
      if (!started) {
        stopQuietly(server);
        timer.shutdownNow();
        delete(work);
      }
    }
  }

  /** {@code http://127.0.0.1:PORT}, for {@code LambdaClient.builder().endpointOverride(...)}. */
  public URI endpoint() {
    return URI.create("http://" + HOST + ":" + invokeConnector.getLocalPort());
  }

  /** The names of the hosted functions, in the order given. */
  public List<String> functions() {
    return List.copyOf(hosts.keySet());
  }

  /** How many execution environments of {@code function} are running now. */
  public int environmentCount(String function) {
    FunctionHost host = hosts.get(function);
    if (host == null) {
      throw new IllegalArgumentException("no function " + function);
    }
    return host.environmentCount();
  }

  /** Stops every child (waiting up to 10 s for each), then the server; waiting invocations fail. */
  @Override
  public void close() {
    hosts.values().forEach(FunctionHost::close);
    stopQuietly(server);
    timer.shutdownNow();
    environments.clear();
    delete(work);
  }

  private static void check(List<FunctionSpec> functions) {
    if (functions.isEmpty()) {
      throw new IllegalArgumentException("no function to host: give at least one");
    }
    List<String> seen = new ArrayList<>();
    for (FunctionSpec spec : functions) {
      if (seen.contains(spec.name())) {
        throw new IllegalArgumentException("function " + spec.name() + " is given twice");
      }
      seen.add(spec.name());
      if (!spec.isJava() && spec.command().isBlank()) {
        throw new IllegalArgumentException("function " + spec.name() + " has no code: give NAME=HANDLER@JAR_OR_FOLDER or a command");
      }
      if (spec.isJava() && !Files.exists(spec.code())) {
        throw new IllegalArgumentException("function " + spec.name() + ": " + spec.code() + " does not exist");
      }
      for (String key : spec.env().keySet()) {
        if (Launcher.RESERVED.contains(key)) {
          throw new IllegalArgumentException("function " + spec.name() + ": " + key + " is set by the service, not by --env");
        }
      }
    }
  }

  private static String region() {
    for (String name : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
      String value = System.getenv(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "us-east-1";
  }

  /**
   * A connector on 127.0.0.1 with TCP_NODELAY (small answers would otherwise wait out delayed
   * ACKs) and an idle timeout longer than any wait of a request in progress: an Invoke waits up to
   * the 900 s timeout, an idle environment's {@code invocation/next} waits as long as no one calls.
   */
  static ServerConnector connector(Server server, int port, long idleMillis) {
    ServerConnector connector = new ServerConnector(server, 0, 1);
    connector.setHost(HOST);
    connector.setPort(port);
    connector.setAcceptedTcpNoDelay(true);
    connector.setIdleTimeout(idleMillis);
    return connector;
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping: nothing more to do
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder left behind
    }
  }

  /** Opens each environment's Runtime API port on the running server. */
  private record Ports(Server server, Map<Integer, ExecutionEnvironment> environments) implements FunctionHost.RuntimePorts {
    @Override
    public int open(FunctionHost host) throws IOException {
      ServerConnector connector = connector(server, 0, RUNTIME_IDLE_MILLIS);
      server.addConnector(connector);
      try {
        connector.start();
      } catch (Exception e) {
        server.removeConnector(connector);
        throw new IOException("cannot open a Runtime API port: " + e.getMessage(), e);
      }
      return connector.getLocalPort();
    }

    @Override
    public void bind(int port, ExecutionEnvironment env) {
      environments.put(port, env);
    }

    @Override
    public void close(int port) {
      environments.remove(port);
      for (var c : server.getConnectors()) {
        if (c instanceof ServerConnector sc && sc.getLocalPort() == port) {
          try {
            sc.stop();
          } catch (Exception e) {
            // already stopping
          }
          server.removeConnector(sc);
        }
      }
    }
  }
}
