package dev.s3batch.testkit;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * A real S3 server for tests: Adobe S3Mock, started once per test JVM inside the JVM, bound to
 * 127.0.0.1 on a free port, reached over HTTP by real SDK clients (path-style, as S3Mock needs).
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

  private final URI endpoint;
  private final S3Client client;

  private S3MockServer(URI endpoint) {
    this.endpoint = endpoint;
    this.client = newClient();
  }

  /** The server of this JVM, started on first use (about 4 s). */
  public static S3MockServer get() {
    S3MockServer local = instance;
    if (local == null) {
      synchronized (S3MockServer.class) {
        local = instance;
        if (local == null) {
          local = start();
          instance = local;
        }
      }
    }
    return local;
  }

  private static S3MockServer start() {
    try {
      Path root = Files.createTempDirectory("s3mock-");
      S3MockApplication app =
          S3MockApplication.start(
              new java.util.HashMap<>(Map.of(
                  S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                  S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                  "server.address", LoopbackConnectors.ADDRESS,
                  "spring.main.sources", LoopbackConnectors.class.getName(),
                  "com.adobe.testing.s3mock.store.root", root.toString(),
                  "com.adobe.testing.s3mock.max-payload-size", "64MB",
                  S3MockApplication.PROP_SILENT, true,
                  "spring.main.banner-mode", "off",
                  "logging.level.root", "WARN")));
      Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "s3mock-stop"));
      return new S3MockServer(URI.create("http://127.0.0.1:" + app.getHttpPort()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create the S3Mock store folder", e);
    }
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
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Creates a bucket with a unique name that starts with {@code prefix}. */
  public String newBucket(String prefix) {
    String name = (prefix + "-" + UUID.randomUUID()).toLowerCase().substring(0, Math.min(63, prefix.length() + 37));
    client.createBucket(b -> b.bucket(name));
    return name;
  }

  /** Creates a bucket with versioning enabled. */
  public String newVersionedBucket(String prefix) {
    String name = newBucket(prefix);
    client.putBucketVersioning(
        b -> b.bucket(name).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    return name;
  }
}
