package dev.s3batch.testkit;

import java.net.URI;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real S3 server of a test JVM, reached over HTTP on 127.0.0.1 by real SDK clients
 * (path-style). Which server is chosen by the system property {@value #PROPERTY}:
 *
 * <ul>
 *   <li>unset or {@code s3mock} (the default): Adobe S3Mock inside the JVM; needs nothing else.
 *   <li>{@code localstack}: LocalStack in Docker, started through {@code localstack-utils}; the
 *       Maven profile {@code localstack} sets it ({@code mvn -B verify -Plocalstack}). Without a
 *       Docker engine the first test that asks for the server fails, saying so.
 * </ul>
 *
 * <pre>{@code
 * S3Client s3 = S3TestServer.get().client();
 * String bucket = S3TestServer.get().newBucket("copy");
 * }</pre>
 *
 * <p>Thread-safe: {@link #get()} starts the server at most once; it stops with the JVM.
 */
public final class S3TestServer {

  /** The system property that chooses the server. */
  public static final String PROPERTY = "s3batch.s3";

  /** The servers to choose from. */
  public enum Kind {
    /** Adobe S3Mock in the test JVM. */
    S3MOCK,
    /** LocalStack in Docker. */
    LOCALSTACK;

    /** The kind a value of {@value #PROPERTY} names; unset or blank is {@link #S3MOCK}. */
    public static Kind fromProperty(String value) {
      if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("s3mock")) {
        return S3MOCK;
      }
      if (value.strip().equalsIgnoreCase("localstack")) {
        return LOCALSTACK;
      }
      throw new IllegalStateException(
          "unknown -D" + PROPERTY + "=" + value + ": choose s3mock (the default) or localstack");
    }
  }

  private static volatile S3TestServer instance;

  private final Kind kind;
  private final URI endpoint;
  private final S3Client client;

  private S3TestServer(Kind kind, URI endpoint) {
    this.kind = kind;
    this.endpoint = endpoint;
    this.client = newClient();
  }

  /** The server of this JVM, started on first use (S3Mock about 4 s; LocalStack longer). */
  public static S3TestServer get() {
    S3TestServer local = instance;
    if (local == null) {
      synchronized (S3TestServer.class) {
        local = instance;
        if (local == null) {
          Kind kind = Kind.fromProperty(System.getProperty(PROPERTY));
          URI endpoint = kind == Kind.LOCALSTACK ? LocalStackS3.start() : S3MockStarter.start();
          local = new S3TestServer(kind, endpoint);
          instance = local;
        }
      }
    }
    return local;
  }

  /** Which server this is. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP endpoint, for example {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return endpoint;
  }

  /** A shared client (path-style, static test credentials, us-east-1). */
  public S3Client client() {
    return client;
  }

  /** A new client of its own; the caller closes it. */
  public S3Client newClient() {
    return TestClients.newClient(endpoint, "test", "test");
  }

  /** Creates a bucket with a unique name that starts with {@code prefix}. */
  public String newBucket(String prefix) {
    return TestClients.newBucket(client, prefix);
  }

  /** Creates a bucket with versioning enabled. */
  public String newVersionedBucket(String prefix) {
    return TestClients.newVersionedBucket(client, prefix);
  }
}
