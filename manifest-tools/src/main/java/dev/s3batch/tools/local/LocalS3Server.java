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
 * {@code LoopbackConnectors}, put on the loader path). Files live in a folder: kept when the
 * caller gave one, deleted on {@link #close()} otherwise.
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

  /**
   * Starts the server and waits until it answers.
   *
   * @param port the HTTP port, or 0 for a free one
   * @param dir the folder for its files (kept), or null for a temporary one (deleted on close)
   */
  public static LocalS3Server start(int port, Path dir) throws IOException {
    Path[] jars = S3MockJars.locate();
    int httpPort = port == 0 ? freePort() : port;
    boolean keep = dir != null;
    Path store = keep ? Files.createDirectories(dir.toAbsolutePath()) : Files.createTempDirectory("s3batch-s3-");
    Path log = Files.createTempFile("s3batch-s3-", ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-Dloader.path=" + jars[1]);
    command.add("-cp");
    command.add(jars[0].toString());
    command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
    command.add("--server.address=" + HOST);
    command.add("--server.port=0");
    command.add("--http.port=" + httpPort);
    command.add("--spring.main.sources=dev.s3batch.testkit.LoopbackConnectors");
    command.add("--spring.main.banner-mode=off");
    command.add("--com.adobe.testing.s3mock.store.root=" + store);
    command.add("--com.adobe.testing.s3mock.store.retain-files-on-exit=true");
    command.add("--com.adobe.testing.s3mock.max-payload-size=512MB");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LocalS3Server server = new LocalS3Server(process, URI.create("http://" + HOST + ":" + httpPort), store, keep, log);
    server.awaitReady();
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

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = tail(log);
        deleteQuietly(log);
        throw new IOException("the local S3 server exited with code " + process.exitValue() + " before it was ready:\n" + tail);
      }
      if (answers()) {
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
