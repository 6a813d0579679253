package dev.s3batch.handler.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import dev.s3batch.handler.InvalidConfigurationException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the function's S3 client from its environment: region from {@code AWS_REGION}
 * (or {@code AWS_DEFAULT_REGION}), credentials from the Lambda environment variables, endpoint
 * from {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL} when set (path-style then), so one
 * jar runs against AWS, S3Mock or LocalStack. The URL-connection HTTP client starts fastest.
 * {@code AWS_MAX_ATTEMPTS} sets the SDK's attempts per request, as the SDK itself reads it in
 * Lambda; read from the map too, so an in-process function ({@code job run-local --env}) honours
 * it like a deployed one (soak runs set 1, so that every injected fault reaches the handler).
 *
 * <p>Cold start: the HTTP client opens its connections through the JDK's own
 * {@link java.net.URL#openConnection()}, so TLS (the JDK's default context and trust store, as the
 * SDK's default client uses) is set up on the first HTTPS connection, never for a plain-HTTP
 * endpoint; the SDK's builder would build its own TLS context up front (about 150 ms of a cold
 * start). Measured by {@code bench/coldstart.sh}.
 */
public final class S3Clients {

  private S3Clients() {}

  /** The client for this environment. */
  public static S3Client fromEnvironment(Map<String, String> env) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(httpClient())
            .credentialsProvider(credentials(env));
    String region = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
    if (region != null) {
      builder.region(Region.of(region));
    }
    String attempts = firstSet(env, "AWS_MAX_ATTEMPTS");
    if (attempts != null) {
      int n = maxAttempts(attempts);
      builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
          .maxAttempts(n).build()));
    }
    String endpoint = firstSet(env, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
    }
    return builder.build();
  }

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(2);

  /** The URL-connection client with the JDK's connections (TLS only when a connection needs it). */
  static SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.create(uri -> {
      try {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) SOCKET_TIMEOUT.toMillis());
        return connection;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static int maxAttempts(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidConfigurationException("AWS_MAX_ATTEMPTS \"" + value + "\" is not a whole number of at least 1");
  }

  private static AwsCredentialsProvider credentials(Map<String, String> env) {
    String id = firstSet(env, "AWS_ACCESS_KEY_ID");
    String secret = firstSet(env, "AWS_SECRET_ACCESS_KEY");
    if (id == null || secret == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    String token = firstSet(env, "AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(
        token == null ? AwsBasicCredentials.create(id, secret) : AwsSessionCredentials.create(id, secret, token));
  }

  private static String firstSet(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
