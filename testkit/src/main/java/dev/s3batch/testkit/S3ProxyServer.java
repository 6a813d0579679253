package dev.s3batch.testkit;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A second real S3 server for tests: S3Proxy with its in-memory ({@code transient}) store,
 * started once per test JVM inside the JVM, bound to 127.0.0.1 on a free port. Unlike S3Mock it
 * checks SigV4 signatures (so clients must use {@link #IDENTITY}/{@link #CREDENTIAL}) and answers
 * delete markers as AWS does; it has no object tagging.
 *
 * <pre>{@code
 * S3Client s3 = S3ProxyServer.get().client();
 * String bucket = S3ProxyServer.get().newVersionedBucket("markers");
 * }</pre>
 *
 * <p>Thread-safe: {@link #get()} starts the server at most once; it stops with the JVM.
 */
public final class S3ProxyServer {

  /** The access key id S3Proxy accepts. */
  public static final String IDENTITY = "s3proxy-identity";

  /** The secret access key S3Proxy checks signatures with. */
  public static final String CREDENTIAL = "s3proxy-credential";

  private static volatile S3ProxyServer instance;

  private final URI endpoint;
  private final S3Client client;

  private S3ProxyServer(URI endpoint) {
    this.endpoint = endpoint;
    this.client = newClient();
  }

  /** The server of this JVM, started on first use (well under a second). */
  public static S3ProxyServer get() {
    S3ProxyServer local = instance;
    if (local == null) {
      synchronized (S3ProxyServer.class) {
        local = instance;
        if (local == null) {
          local = start();
          instance = local;
        }
      }
    }
    return local;
  }

  private static S3ProxyServer start() {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
            .endpoint(URI.create("http://" + LoopbackConnectors.ADDRESS + ":0"))
            .stopTimeout(0)
            .build();
    try {
      proxy.start();
      while (!"STARTED".equals(proxy.getState())) {
        Thread.sleep(10);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot start S3Proxy", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        proxy.stop();
      } catch (Exception ignored) {
        // the JVM is ending
      }
    }, "s3proxy-stop"));
    return new S3ProxyServer(URI.create("http://" + LoopbackConnectors.ADDRESS + ":" + proxy.getPort()));
  }

  /** The HTTP endpoint, for example {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return endpoint;
  }

  /** A shared client (path-style, S3Proxy's credentials, us-east-1). */
  public S3Client client() {
    return client;
  }

  /** A new client of its own; the caller closes it. */
  public S3Client newClient() {
    return TestClients.newClient(endpoint, IDENTITY, CREDENTIAL);
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
