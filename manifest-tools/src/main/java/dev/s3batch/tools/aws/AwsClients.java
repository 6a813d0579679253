package dev.s3batch.tools.aws;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * Builds the CLI's SDK clients from the common options. Region, profile and credentials fall
 * back to the SDK's own default chains ({@code AWS_REGION}, {@code AWS_PROFILE}, ~/.aws, ...),
 * resolved once by {@link #preflight()} before the first client is built, so a missing Region
 * or missing credentials stop a command before it sends or writes anything. An S3 endpoint
 * override turns path-style on; an S3 Control one is installed as a fixed endpoint provider,
 * because {@code endpointOverride} puts the account id in front of the host.
 *
 * <pre>{@code
 * AwsClients aws = new AwsClients(null, null, URI.create("http://127.0.0.1:9090")).preflight();
 * try (S3Client s3 = aws.s3()) { ... }
 * }</pre>
 *
 * <p>Not thread-safe until {@link #preflight()} has returned; thread-safe after.
 */
public final class AwsClients {

  /** What to say when the SDK finds no Region. */
  public static final String NO_REGION = "no Region: pass --region or set AWS_REGION";
  /** What to say when the SDK finds no credentials. */
  public static final String NO_CREDENTIALS = "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
      + "or AWS_PROFILE (or --profile), or run aws configure";

  private final String region;
  private final String profile;
  private final URI endpoint;
  private Region resolvedRegion;
  private AwsCredentialsProvider credentials;

  /**
   * @param region the region, or null for the SDK's default chain
   * @param profile the profile, or null for the SDK's default
   * @param endpoint the endpoint, or null for AWS
   */
  public AwsClients(String region, String profile, URI endpoint) {
    this.region = region;
    this.profile = profile;
    this.endpoint = endpoint;
  }

  /**
   * Resolves the Region and the credentials once, through the SDK's default chains (or the
   * profile given), and returns this.
   *
   * @throws AwsSetupException naming what is missing and how to give it
   */
  public synchronized AwsClients preflight() {
    if (resolvedRegion == null) {
      resolvedRegion = region != null ? Region.of(region) : defaultRegion(profile);
    }
    if (credentials == null) {
      AwsCredentialsProvider provider = profile == null
          ? DefaultCredentialsProvider.builder().build()
          : ProfileCredentialsProvider.builder().profileName(profile).build();
      requireCredentials(provider, profile);
      credentials = provider;
    }
    return this;
  }

  /**
   * Checks the environment of a function run in this process: its S3 client takes the Region
   * from {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}) and the credentials from
   * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, each falling back to the SDK's
   * default chain when unset, so this checks the same.
   *
   * @throws AwsSetupException naming what is missing and how to give it
   */
  public static void preflightFunction(Map<String, String> environment) {
    if (!isSet(environment, "AWS_REGION") && !isSet(environment, "AWS_DEFAULT_REGION")) {
      defaultRegion(null);
    }
    if (!isSet(environment, "AWS_ACCESS_KEY_ID") || !isSet(environment, "AWS_SECRET_ACCESS_KEY")) {
      requireCredentials(DefaultCredentialsProvider.builder().build(), null);
    }
  }

  /** An S3 client. */
  public S3Client s3() {
    preflight();
    var b = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials)
        .region(resolvedRegion);
    if (endpoint != null) {
      b.endpointOverride(endpoint).forcePathStyle(true);
    }
    return b.build();
  }

  /** An S3 Control client. */
  public S3ControlClient s3Control() {
    preflight();
    var b = S3ControlClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials)
        .region(resolvedRegion);
    if (endpoint != null) {
      Endpoint fixed = Endpoint.builder().url(endpoint).build();
      b.endpointProvider(params -> CompletableFuture.completedFuture(fixed));
    }
    return b.build();
  }

  /** The Region resolved by {@link #preflight()} (which this calls), for clients built elsewhere. */
  public Region region() {
    preflight();
    return resolvedRegion;
  }

  /** The credentials resolved by {@link #preflight()} (which this calls), for clients built elsewhere. */
  public AwsCredentialsProvider credentials() {
    preflight();
    return credentials;
  }

  /** The endpoint, or null for AWS. */
  public URI endpoint() {
    return endpoint;
  }

  private static Region defaultRegion(String profile) {
    var chain = DefaultAwsRegionProviderChain.builder();
    if (profile != null) {
      chain.profileName(profile);
    }
    try {
      return chain.build().getRegion();
    } catch (SdkClientException e) {
      throw new AwsSetupException(profile == null ? NO_REGION : NO_REGION + " (profile " + profile + " has none)");
    }
  }

  private static void requireCredentials(AwsCredentialsProvider provider, String profile) {
    try {
      provider.resolveCredentials();
    } catch (SdkClientException | IllegalArgumentException e) {
      throw new AwsSetupException(profile == null ? NO_CREDENTIALS
          : "no credentials for profile " + profile + ": add them to ~/.aws (aws configure --profile " + profile
              + "), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
  }

  private static boolean isSet(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value != null && !value.isBlank();
  }
}
