package dev.s3batch.tools.lambdaclient;

import dev.s3batch.tools.aws.AwsClients;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Builds the synchronous Lambda client of {@code invoke --function} and {@code job run-local
 * --function}: the Region and credentials of the common options ({@link AwsClients}), the
 * url-connection HTTP client every other command uses (no async HTTP client is loaded), a read
 * timeout beyond Lambda's longest function timeout (900 s), and {@link LambdaRetry}'s retries.
 * A Lambda endpoint is a plain {@code endpointOverride} (for {@code lambda serve}).
 */
public final class LambdaClients {

  /** Longer than the longest function timeout Lambda allows (900 s), so a slow function's answer is read. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(960);

  private LambdaClients() {}

  /**
   * @param aws the Region and credentials (resolved now)
   * @param endpoint the Lambda endpoint, or null for AWS's (or {@code AWS_ENDPOINT_URL_LAMBDA})
   * @param retry how throttling and service errors are retried
   */
  public static LambdaClient create(AwsClients aws, URI endpoint, LambdaRetry retry) {
    var b = LambdaClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(READ_TIMEOUT)
            .connectionTimeout(Duration.ofSeconds(10)).build())
        .region(aws.region())
        .credentialsProvider(aws.credentials())
        .overrideConfiguration(o -> o.retryStrategy(retry.strategy()));
    if (endpoint != null) {
      b.endpointOverride(endpoint);
    }
    return b.build();
  }
}
