package dev.s3batch.tools.aws;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.S3ControlClientBuilder;

/**
 * Builds the CLI's SDK clients from the common options. Region, profile and credentials fall
 * back to the SDK's usual sources ({@code AWS_REGION}, {@code AWS_PROFILE}, ~/.aws). An S3
 * endpoint override turns path-style on; an S3 Control one is installed as a fixed endpoint
 * provider, because {@code endpointOverride} puts the account id in front of the host.
 *
 * @param region the region, or null for the SDK's default
 * @param profile the profile, or null for the SDK's default
 * @param endpoint the endpoint, or null for AWS
 */
public record AwsClients(String region, String profile, URI endpoint) {

  /** An S3 client. */
  public S3Client s3() {
    S3ClientBuilder b =
        S3Client.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials());
    if (region != null) {
      b.region(Region.of(region));
    }
    if (endpoint != null) {
      b.endpointOverride(endpoint).forcePathStyle(true);
    }
    return b.build();
  }

  /** An S3 Control client. */
  public S3ControlClient s3Control() {
    S3ControlClientBuilder b =
        S3ControlClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials());
    if (region != null) {
      b.region(Region.of(region));
    }
    if (endpoint != null) {
      Endpoint fixed = Endpoint.builder().url(endpoint).build();
      b.endpointProvider(params -> CompletableFuture.completedFuture(fixed));
    }
    return b.build();
  }

  private AwsCredentialsProvider credentials() {
    return profile == null
        ? DefaultCredentialsProvider.builder().build()
        : ProfileCredentialsProvider.builder().profileName(profile).build();
  }
}
