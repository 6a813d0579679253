package dev.s3batch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

class FaultProxyTest {

  private FaultProxy proxy;
  private S3Client s3;

  @BeforeEach
  void start() {
    proxy = FaultProxy.start(S3MockServer.get().endpoint());
    s3 = client(proxy, "test", "test");
  }

  @AfterEach
  void stop() {
    s3.close();
    proxy.close();
  }

  private static S3Client client(FaultProxy proxy, String id, String secret) {
    return S3Client.builder()
        .endpointOverride(proxy.endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @Test
  void operation_sdkCalls_namedAsTheS3Api() {
    String bucket = "ops-" + System.nanoTime();
    s3.createBucket(b -> b.bucket(bucket));
    s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    String v1 = s3.putObject(b -> b.bucket(bucket).key("dir/a b.txt"), RequestBody.fromString("hello")).versionId();
    s3.headObject(b -> b.bucket(bucket).key("dir/a b.txt").versionId(v1));
    s3.getObjectAsBytes(b -> b.bucket(bucket).key("dir/a b.txt"));
    s3.putObjectTagging(b -> b.bucket(bucket).key("dir/a b.txt").tagging(t -> t.tagSet(s -> s.key("k").value("v"))));
    s3.getObjectTagging(b -> b.bucket(bucket).key("dir/a b.txt").versionId(v1));
    s3.deleteObjectTagging(b -> b.bucket(bucket).key("dir/a b.txt"));
    s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("dir/a b.txt").destinationBucket(bucket).destinationKey("c"));
    String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key("m")).uploadId();
    String e1 = s3.uploadPart(b -> b.bucket(bucket).key("m").uploadId(upload).partNumber(1),
        RequestBody.fromBytes(new byte[5 * 1024 * 1024])).eTag();
    String e2 = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("c").destinationBucket(bucket)
        .destinationKey("m").uploadId(upload).partNumber(2)).copyPartResult().eTag();
    s3.completeMultipartUpload(b -> b.bucket(bucket).key("m").uploadId(upload).multipartUpload(
        u -> u.parts(p -> p.partNumber(1).eTag(e1), p -> p.partNumber(2).eTag(e2))));
    String other = s3.createMultipartUpload(b -> b.bucket(bucket).key("n")).uploadId();
    s3.abortMultipartUpload(b -> b.bucket(bucket).key("n").uploadId(other));
    s3.listObjectsV2(b -> b.bucket(bucket));
    s3.listObjectVersions(b -> b.bucket(bucket));
    s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ObjectIdentifier.builder().key("c").build())));
    s3.deleteObject(b -> b.bucket(bucket).key("dir/a b.txt").versionId(v1));

    assertThat(proxy.operations()).containsExactly(
        "CreateBucket", "PutBucketVersioning", "PutObject", "HeadObject", "GetObject", "PutObjectTagging",
        "GetObjectTagging", "DeleteObjectTagging", "CopyObject", "CreateMultipartUpload", "UploadPart",
        "UploadPartCopy", "CompleteMultipartUpload", "CreateMultipartUpload", "AbortMultipartUpload",
        "ListObjectsV2", "ListObjectVersions", "DeleteObjects", "DeleteObject");
    List<RecordedRequest> requests = proxy.requests();
    assertThat(requests.get(3).versionId()).contains(v1);
    assertThat(requests.get(3).key()).isEqualTo("dir/a b.txt");
    assertThat(requests.get(3).bucket()).isEqualTo(bucket);
    assertThat(requests.get(4).versionId()).isEmpty();
    assertThat(requests.get(8).header("X-Amz-Copy-Source")).isPresent();
    assertThat(requests.get(18).versionId()).contains(v1);
  }

  @Test
  void forward_largeBodiesBothWays_byteForByte() {
    String bucket = S3MockServer.get().newBucket("proxy");
    byte[] data = new byte[7 * 1024 * 1024 + 3];
    new SplittableRandom(7).nextBytes(data);

    s3.putObject(b -> b.bucket(bucket).key("big"), RequestBody.fromBytes(data));

    assertThat(S3MockServer.get().client().getObjectAsBytes(b -> b.bucket(bucket).key("big")).asByteArray())
        .isEqualTo(data);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("big")).asByteArray()).isEqualTo(data);
  }

  @Test
  void inject_countUsedUp_forwardsAgain() {
    String bucket = S3MockServer.get().newBucket("proxy");
    proxy.inject(r -> r.operation().equals("PutObject"), Fault.slowDown(), 2);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v")))
          .isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
          });
    }
    s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v"));

    assertThat(S3MockServer.get().client().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String())
        .isEqualTo("v");
    assertThat(proxy.operations()).containsExactly("PutObject", "PutObject", "PutObject");
  }

  @Test
  void forward_signedRequestsToS3Proxy_signaturesStillMatch() {
    try (FaultProxy signed = FaultProxy.start(S3ProxyServer.get().endpoint());
        S3Client good = client(signed, S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL);
        S3Client bad = client(signed, S3ProxyServer.IDENTITY, "wrong-secret")) {
      String bucket = S3ProxyServer.get().newBucket("signed");

      good.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("signed"));

      assertThat(good.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("signed");
      assertThatThrownBy(() -> bad.getObjectAsBytes(b -> b.bucket(bucket).key("k")))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
  }

  @Test
  void inject_answerLost_serverActedButTheClientGetsAConnectionError() {
    String bucket = S3MockServer.get().newBucket("proxy");
    proxy.inject(r -> r.operation().equals("PutObject"), Fault.answerLost(), 1);

    assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("kept")))
        .isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(java.io.IOException.class);

    assertThat(S3MockServer.get().client().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String())
        .isEqualTo("kept");
  }

  @Test
  void inject_closed_requestNeverReachesTheServer() {
    String bucket = S3MockServer.get().newBucket("proxy");
    proxy.inject(r -> r.operation().equals("PutObject"), Fault.closed(), 1);

    assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("lost")))
        .isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(java.io.IOException.class);

    assertThat(S3MockServer.get().client().listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
    assertThat(proxy.operations()).containsExactly("PutObject");
  }

  @Test
  void injectEach_faultMix_breaksAboutItsRateAndCountsByKind() {
    String bucket = S3MockServer.get().newBucket("proxy");
    FaultMix mix = new FaultMix(5, 0.5, java.time.Duration.ofMillis(1));
    proxy.injectEach(mix);
    int failed = 0;
    for (int i = 0; i < 200; i++) {
      String key = "k" + i;
      try {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("v"));
      } catch (SdkClientException | S3Exception e) {
        failed++;
      }
    }
    mix.pause();
    s3.putObject(b -> b.bucket(bucket).key("after"), RequestBody.fromString("v"));

    assertThat(mix.requests()).isEqualTo(200);
    assertThat(mix.total()).isBetween(70L, 130L);
    assertThat(mix.injected().get(FaultMix.Kind.ERROR_IN_200)).as("not for PutObject").isZero();
    long slow = mix.injected().get(FaultMix.Kind.SLOW);
    assertThat(failed).as("every fault but a slow answer fails a call without retries").isEqualTo(mix.total() - slow);
    assertThat(mix.injected()).allSatisfy((kind, n) -> {
      if (kind != FaultMix.Kind.ERROR_IN_200) {
        assertThat(n).as(kind.name()).isPositive();
      }
    });
  }
}
