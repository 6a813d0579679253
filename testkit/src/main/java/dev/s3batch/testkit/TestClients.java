package dev.s3batch.testkit;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** What {@link S3TestServer} and {@link S3ProxyServer} share: their clients and new buckets. */
final class TestClients {

  private TestClients() {}

  /** A new path-style us-east-1 client of {@code endpoint} with static credentials; the caller closes it. */
  static S3Client newClient(URI endpoint, String accessKeyId, String secretAccessKey) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Creates a bucket with a unique name that starts with {@code prefix}. */
  static String newBucket(S3Client client, String prefix) {
    String name = (prefix + "-" + UUID.randomUUID()).toLowerCase(Locale.ROOT)
        .substring(0, Math.min(63, prefix.length() + 37));
    client.createBucket(b -> b.bucket(name));
    return name;
  }

  /** Creates a bucket with a unique name that starts with {@code prefix}, versioning enabled. */
  static String newVersionedBucket(S3Client client, String prefix) {
    String name = newBucket(client, prefix);
    client.putBucketVersioning(
        b -> b.bucket(name).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    return name;
  }
}
