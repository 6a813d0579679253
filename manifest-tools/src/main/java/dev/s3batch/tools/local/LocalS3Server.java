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
    Path[] jars = S3MockJars.locate();
    int httpPort = port == 0 ? freePort() : requireFree(port);
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
    command.add("--http.port=" + httpPort);
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
    server.awaitReady(httpPort);
    return server;
  }

  /** The endpoint, {@code http://127.0.0.1:PORT}; use path-style requests. */
  public URI endpoint() {
    return endpoint;
  }

  /** A new S3 client for this server (path-style, static dummy credentials); the caller closes it. */
  public software.amazon.awssdk.services.s3.S3Client client() {
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

  private void awaitReady(int httpPort) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = tail(log);
        deleteQuietly(log);
        throw new IOException("the local S3 server exited with code " + process.exitValue() + " before it was ready:\n" + tail);
      }
      if (saysReady(httpPort) && answers()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the local S3 server started");
      }
    }
    String tail = tail(log);
    close();
    throw new IOException("the local S3 server did not answer on " + endpoint + " within " + START_TIMEOUT.toSeconds()
        + " s:\n" + tail);
  }

  /** True once the child printed its ready line listing {@code httpPort} among its own ports. */
  private boolean saysReady(int httpPort) {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.anyMatch(l -> l.startsWith(READY) && List.of(l.split(" ")).contains(String.valueOf(httpPort)));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private boolean answers() {
    try {
      HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
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
