package dev.s3batch.testkit;

import java.net.URI;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 server of the tests, by its first name: Adobe S3Mock inside the JVM, bound to
 * 127.0.0.1 on a free port, reached over HTTP by real SDK clients (path-style). It follows
 * {@link S3TestServer}'s choice, so under {@code -Plocalstack} ({@code -Ds3batch.s3=localstack})
 * the same tests talk to LocalStack. New tests may use {@link S3TestServer} directly.
 *
 * <pre>{@code
 * S3Client s3 = S3MockServer.get().client();
 * String bucket = S3MockServer.get().newBucket("copy");
 * }</pre>
 *
 * <p>Thread-safe: {@link #get()} starts the server at most once; the server stops with the JVM.
 */
public final class S3MockServer {

  private static volatile S3MockServer instance;

  private final S3TestServer server;

  private S3MockServer(S3TestServer server) {
    this.server = server;
  }

  /** The server of this JVM, started on first use (about 4 s). */
  public static S3MockServer get() {
    S3MockServer local = instance;
    if (local == null) {
      synchronized (S3MockServer.class) {
        local = instance;
        if (local == null) {
          local = new S3MockServer(S3TestServer.get());
          instance = local;
        }
      }
    }
    return local;
  }

  /** The HTTP endpoint, for example {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return server.endpoint();
  }

  /** A shared client (path-style, static test credentials, us-east-1). */
  public S3Client client() {
    return server.client();
  }

  /** A new client of its own; the caller closes it. */
  public S3Client newClient() {
    return server.newClient();
  }

  /** Creates a bucket with a unique name that starts with {@code prefix}. */
  public String newBucket(String prefix) {
    return server.newBucket(prefix);
  }

  /** Creates a bucket with versioning enabled. */
  public String newVersionedBucket(String prefix) {
    return server.newVersionedBucket(prefix);
  }
}
