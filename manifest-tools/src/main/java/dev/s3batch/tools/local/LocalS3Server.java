package dev.s3batch.tools.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A local S3 server for users without an AWS account: Adobe S3Mock's runnable jar, started as a
 * child JVM bound to 127.0.0.1 only (its plain-HTTP connector is bound there by
 * {@code LoopbackConnectors}, put on the loader path). The child stops when this process ends,
 * even on {@code kill -9} ({@code ParentLifeline} watches its standard input, which this process
 * holds open), and it is ready only when it says so with its own port: a port another server
 * answers on is refused ({@link PortInUseException}) before anything is sent. Files live in a
 * folder: kept when the caller gave one, deleted on {@link #close()} otherwise.
 *
 * <p>With a {@link Seeding}, the server first listens on a free port it tells no one, the seeding
 * runs against that port, and only then is the asked port opened (and the seeding port closed):
 * a client that connects the moment the port answers sees every object the seeding put.
 *
 * <pre>{@code
 * try (LocalS3Server s3 = LocalS3Server.start(0, null)) {
 *   URI endpoint = s3.endpoint(); // http://127.0.0.1:PORT, path-style
 * }
 * }</pre>
 */
public final class LocalS3Server implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  /** The line testkit's {@code ParentLifeline} prints in the child once it is ready (its constant READY). */
  private static final String READY = "s3batch-local-s3-ready";
  /**
   * The child JVM's options: the client compiler only and the serial collector start S3Mock
   * about three times faster on a small machine (measured: see the README's demo section).
   */
  private static final List<String> JVM_OPTIONS =
      List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final Process process;
  private final URI endpoint;
  private final Path store;
  private final boolean keepStore;
  private final Path log;

  private LocalS3Server(Process process, URI endpoint, Path store, boolean keepStore, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.store = store;
    this.keepStore = keepStore;
    this.log = log;
  }

  /** The line {@code ParentLifeline} prints once the asked port is open (its constant OPENED). */
  private static final String OPENED = "s3batch-local-s3-open";
  /** The line {@code ParentLifeline} prints when it cannot open the asked port (its constant OPEN_FAILED). */
  private static final String OPEN_FAILED = "s3batch-local-s3-open-failed";

  /** What to put in the server before its port opens. */
  @FunctionalInterface
  public interface Seeding {
    /** Creates buckets and objects through {@code s3}, a client of the not yet advertised server. */
    void seed(software.amazon.awssdk.services.s3.S3Client s3) throws IOException;
  }

  /** The port asked for is taken by another process; nothing was started. */
  public static final class PortInUseException extends IOException {
    private final int port;

    PortInUseException(int port, IOException cause) {
      super("port " + port + " is in use on " + HOST + " (another S3 server?)", cause);
      this.port = port;
    }

    /** The port. */
    public int port() {
      return port;
    }
  }

  /**
   * Starts the server and waits until it answers.
   *
   * @param port the HTTP port, or 0 for a free one
   * @param dir the folder for its files (kept), or null for a temporary one (deleted on close)
   * @throws PortInUseException when {@code port} is taken
   */
  public static LocalS3Server start(int port, Path dir) throws IOException {
    return start(port, dir, endpoint -> {});
  }

  /**
   * Starts the server and waits until it answers, telling {@code starting} the endpoint as soon
   * as the child process is launched (a start takes seconds: callers say what they wait for).
   *
   * @param port the HTTP port, or 0 for a free one
   * @param dir the folder for its files (kept), or null for a temporary one (deleted on close)
   * @param starting told the endpoint once the child runs, before the wait
   * @throws PortInUseException when {@code port} is taken
   */
  public static LocalS3Server start(int port, Path dir, java.util.function.Consumer<URI> starting)
      throws IOException {
    return start(port, dir, starting, (Seeding) null);
  }

  /**
   * Starts the server, seeds it through a port no one else knows, and only then opens
   * {@code port} (see the class comment).
   *
   * @param port the HTTP port, or 0 for a free one
   * @param dir the folder for its files (kept), or null for a temporary one (deleted on close)
   * @param seeding what to put in it before {@code port} opens
   * @throws PortInUseException when {@code port} is taken (checked before anything starts)
   */
  public static LocalS3Server startSeeded(int port, Path dir, Seeding seeding) throws IOException {
    return start(port, dir, endpoint -> {}, Objects.requireNonNull(seeding, "seeding"));
  }

  private static LocalS3Server start(int port, Path dir, java.util.function.Consumer<URI> starting, Seeding seeding)
      throws IOException {
    Path[] jars = S3MockJars.locate();
    int httpPort = port == 0 ? freePort() : requireFree(port);
    int listenPort = seeding == null ? httpPort : freePort(httpPort);
    boolean keep = dir != null;
    Path store = keep ? Files.createDirectories(dir.toAbsolutePath()) : Files.createTempDirectory("s3batch-s3-");
    Path log = Files.createTempFile("s3batch-s3-", ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(JVM_OPTIONS);
    command.add("-Dloader.path=" + jars[1]);
    command.add("-cp");
    command.add(jars[0].toString());
    command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
    command.add("--server.address=" + HOST);
    command.add("--server.port=0");
    command.add("--http.port=" + listenPort);
    command.add("--spring.main.sources=dev.s3batch.testkit.LoopbackConnectors,dev.s3batch.testkit.ParentLifeline");
    command.add("--spring.main.banner-mode=off");
    command.add("--com.adobe.testing.s3mock.store.root=" + store);
    command.add("--com.adobe.testing.s3mock.store.retain-files-on-exit=true");
    command.add("--com.adobe.testing.s3mock.max-payload-size=512MB");
    // Standard input stays a pipe this process holds: its end tells the child to stop.
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LocalS3Server server = new LocalS3Server(process, URI.create("http://" + HOST + ":" + httpPort), store, keep, log);
    starting.accept(server.endpoint);
    if (seeding == null) {
      server.awaitReady(httpPort, server.endpoint);
      return server;
    }
    try {
      URI hidden = URI.create("http://" + HOST + ":" + listenPort);
      server.awaitReady(listenPort, hidden);
      try (var s3 = client(hidden)) {
        seeding.seed(s3);
      }
      server.open(httpPort, listenPort);
      return server;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** Tells the child to open {@code httpPort} like {@code from} and close {@code from}; waits until it answers. */
  private void open(int httpPort, int from) throws IOException {
    var stdin = process.getOutputStream();
    stdin.write(("open " + httpPort + " " + from + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      String failed = logLine(OPEN_FAILED + " " + httpPort + " ");
      if (failed != null) {
        throw new IOException("the local S3 server could not open port " + httpPort + " on " + HOST + ": "
            + failed.substring(OPEN_FAILED.length() + 1 + String.valueOf(httpPort).length() + 1));
      }
      if (logLine(OPENED + " " + httpPort) != null && answers(endpoint)) {
        return;
      }
      sleep();
    }
    throw new IOException("the local S3 server did not open port " + httpPort + " after its seeding:\n" + tail(log));
  }

  /** The endpoint, {@code http://127.0.0.1:PORT}; use path-style requests. */
  public URI endpoint() {
    return endpoint;
  }

  /** A new S3 client for this server (path-style, static dummy credentials); the caller closes it. */
  public software.amazon.awssdk.services.s3.S3Client client() {
    return client(endpoint);
  }

  private static software.amazon.awssdk.services.s3.S3Client client(URI endpoint) {
    return software.amazon.awssdk.services.s3.S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(
            software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
        .build();
  }

  /** The folder that holds the server's files. */
  public Path store() {
    return store;
  }

  /** Waits until the process ends (for a server run in the foreground). */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteQuietly(log);
    if (!keepStore) {
      deleteTree(store);
    }
  }

  private void awaitReady(int httpPort, URI at) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = tail(log);
        deleteQuietly(log);
        throw new IOException("the local S3 server exited with code " + process.exitValue() + " before it was ready:\n" + tail);
      }
      if (saysReady(httpPort) && answers(at)) {
        return;
      }
      sleep();
    }
    String tail = tail(log);
    close();
    throw new IOException("the local S3 server did not answer on " + at + " within " + START_TIMEOUT.toSeconds()
        + " s:\n" + tail);
  }

  private void sleep() throws IOException {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the local S3 server started");
    }
  }

  /** The first line of the child's output that starts with {@code prefix}, or null. */
  private String logLine(String prefix) {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  /** True once the child printed its ready line listing {@code httpPort} among its own ports. */
  private boolean saysReady(int httpPort) {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.anyMatch(l -> l.startsWith(READY) && List.of(l.split(" ")).contains(String.valueOf(httpPort)));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static boolean answers(URI at) {
    try {
      HttpURLConnection c = (HttpURLConnection) at.resolve("/").toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      int code = c.getResponseCode();
      c.disconnect();
      return code == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static int requireFree(int port) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(HOST), port), 1);
      return port;
    } catch (java.net.BindException e) {
      throw new PortInUseException(port, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  /** A free port other than {@code not}. */
  private static int freePort(int not) throws IOException {
    int p = freePort();
    return p != not ? p : freePort();
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a leftover temporary log is harmless
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(LocalS3Server::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
