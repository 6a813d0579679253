package dev.s3batch.e2e;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The real SDK clients the {@code lambda serve} tests call a local Lambda service with: the sync
 * client on the URL-connection HTTP client, the async one on Netty, test credentials, no retries
 * (a test sees every answer the service gave, and a retried call would run twice) and a call
 * timeout of 120 s.
 *
 * @param sync for Invoke
 * @param async for InvokeWithResponseStream
 */
record LambdaTestClients(LambdaClient sync, LambdaAsyncClient async) implements AutoCloseable {

  /** Clients of {@code endpoint}; the async one opens at most {@code asyncConnections} at once. */
  static LambdaTestClients of(URI endpoint, int asyncConnections) {
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    LambdaClient sync = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofSeconds(120)))
        .build();
    LambdaAsyncClient async = LambdaAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(asyncConnections))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofSeconds(120)))
        .build();
    return new LambdaTestClients(sync, async);
  }

  @Override
  public void close() {
    sync.close();
    async.close();
  }
}
