package dev.s3batch.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.testing.CopyProbeProvider;
import dev.s3batch.handler.testing.Invoke;
import dev.s3batch.handler.testing.Registries;
import dev.s3batch.testkit.Fault;
import dev.s3batch.testkit.FaultProxy;
import dev.s3batch.testkit.RecordedRequest;
import dev.s3batch.testkit.S3MockServer;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Faults injected between the real handler's SDK client and a real S3 server: each maps to the
 * result code S3 Batch Operations must get, and no action leaves a half-done change behind.
 * The client does not retry, so every fault reaches the handler.
 */
class FaultInjectionTest {

  private final S3Client direct = S3MockServer.get().client();
  private FaultProxy proxy;
  private S3Client s3;

  @BeforeEach
  void startProxy() {
    proxy = FaultProxy.start(S3MockServer.get().endpoint());
    s3 = clientThroughProxy(false);
  }

  @AfterEach
  void stopProxy() {
    s3.close();
    proxy.close();
  }

  private S3Client clientThroughProxy(boolean sdkRetries) {
    return S3Client.builder()
        .endpointOverride(proxy.endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)).build())
        .overrideConfiguration(o -> {
          o.apiCallAttemptTimeout(Duration.ofMillis(1500));
          if (!sdkRetries) {
            o.retryStrategy(AwsRetryStrategy.doNotRetry());
          }
        })
        .build();
  }

  private static Predicate<RecordedRequest> op(String operation) {
    return r -> r.operation().equals(operation);
  }

  private String bucketWith(String key, String content) {
    String bucket = S3MockServer.get().newBucket("faults");
    direct.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    return bucket;
  }

  @Test
  void delete_deleteObjectSlowDown_temporaryFailureAndObjectKept() {
    String bucket = bucketWith("a.txt", "keep me");
    proxy.inject(op("DeleteObject"), Fault.slowDown(), 1);

    var reply = Invoke.action("delete").on(bucket, "a.txt").run(s3);

    assertThat(reply.only().resultCode()).isEqualTo(ResultCode.TemporaryFailure);
    assertThat(reply.only().resultString()).startsWith("S3 error SlowDown (HTTP 503, request id FAULT2)");
    assertThat(proxy.operations()).containsExactly("HeadObject", "DeleteObject");
    assertThat(direct.getObjectAsBytes(b -> b.bucket(bucket).key("a.txt")).asUtf8String()).isEqualTo("keep me");
  }

  @Test
  void revise_putObjectInternalError_temporaryFailureAndTextUnchanged() {
    String bucket = bucketWith("s.txt", "Mixed Case");
    proxy.inject(op("PutObject"), Fault.internalError(), 1);

    var reply = Invoke.action("revise").env("S3BATCH_KEY_FORMAT", "pipe").on(bucket, "s.txt|upper").run(s3);

    assertThat(reply.only().resultCode()).isEqualTo(ResultCode.TemporaryFailure);
    assertThat(reply.only().resultString()).startsWith("S3 error InternalError (HTTP 500, request id FAULT");
    assertThat(proxy.operations()).containsExactly("GetObject", "PutObject");
    assertThat(direct.getObjectAsBytes(b -> b.bucket(bucket).key("s.txt")).asUtf8String()).isEqualTo("Mixed Case");
  }

  @Test
  void tag_putTaggingConnectionReset_temporaryFailureAndTagsUnchanged() {
    String bucket = S3MockServer.get().newBucket("faults");
    direct.putObject(b -> b.bucket(bucket).key("a.txt").tagging("owner=ann"), RequestBody.fromString("x"));
    proxy.inject(op("PutObjectTagging"), Fault.reset(), 1);

    var reply = Invoke.action("tag").userArgument("tags", "tier=cold").on(bucket, "a.txt").run(s3);

    assertThat(reply.only().resultCode()).isEqualTo(ResultCode.TemporaryFailure);
    assertThat(reply.only().resultString()).startsWith("connection fault: ");
    assertThat(proxy.operations()).containsExactly("GetObjectTagging", "PutObjectTagging");
    Map<String, String> tags = new TreeMap<>();
    direct.getObjectTagging(b -> b.bucket(bucket).key("a.txt")).tagSet().forEach(t -> tags.put(t.key(), t.value()));
    assertThat(tags).containsExactlyEntriesOf(Map.of("owner", "ann"));
  }

  @Test
  void checksum_slowGetObject_temporaryFailureOnClientTimeout() {
    String bucket = bucketWith("a.bin", "abc");
    proxy.inject(op("GetObject"), Fault.delay(Duration.ofSeconds(3)), 1);

    var reply = Invoke.action("checksum").on(bucket, "a.bin").run(s3);

    assertThat(reply.only().resultCode()).isEqualTo(ResultCode.TemporaryFailure);
    assertThat(reply.only().resultString()).startsWith("client timeout: ");
    assertThat(reply.logLines()).singleElement().asString().contains("\"errorCode\":\"ClientTimeout\"");
  }

  @Test
  void copy_copyObjectAnswered200WithErrorBody_temporaryFailureAndNoCopy() {
    String bucket = bucketWith("a.txt", "source");
    proxy.inject(op("CopyObject"), Fault.errorIn200(), 1);

    var reply = Invoke.action("copy-probe").on(bucket, "a.txt").run(s3, Registries.with(CopyProbeProvider.class));

    assertThat(reply.only().resultCode()).isEqualTo(ResultCode.TemporaryFailure);
    assertThat(reply.only().resultString()).startsWith("S3 error InternalError (HTTP 200, request id FAULT1)");
    assertThat(direct.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(o -> o.key())
        .containsExactly("a.txt");
  }

  @Test
  void delete_accessDenied_permanentFailureWithCodeStatusAndRequestId() {
    String bucket = bucketWith("a.txt", "keep me");
    proxy.inject(op("HeadObject"), Fault.error(403, "AccessDenied"), 1);

    var reply = Invoke.action("delete").on(bucket, "a.txt").run(s3);

    assertThat(reply.only().resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(reply.only().resultString()).startsWith("S3 error AccessDenied (HTTP 403, request id FAULT1)");
    assertThat(proxy.operations()).containsExactly("HeadObject");
    assertThat(direct.getObjectAsBytes(b -> b.bucket(bucket).key("a.txt")).asUtf8String()).isEqualTo("keep me");
  }

  @Test
  void delete_slowDownOnceWithSdkRetries_succeedsOnTheRetry() {
    String bucket = bucketWith("a.txt", "bye");
    proxy.inject(op("DeleteObject"), Fault.slowDown(), 1);

    try (S3Client retrying = clientThroughProxy(true)) {
      var reply = Invoke.action("delete").on(bucket, "a.txt").run(retrying);

      assertThat(reply.only().resultCode()).isEqualTo(ResultCode.Succeeded);
    }
    assertThat(proxy.operations()).containsExactly("HeadObject", "DeleteObject", "DeleteObject");
    assertThat(direct.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
  }
}
