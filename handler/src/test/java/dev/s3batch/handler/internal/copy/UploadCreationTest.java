package dev.s3batch.handler.internal.copy;

import static dev.s3batch.handler.testing.Objects3.bytes;
import static dev.s3batch.handler.testing.Objects3.read;
import static dev.s3batch.handler.testing.Objects3.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.response.TaskResult;
import dev.s3batch.handler.testing.Invoke;
import dev.s3batch.testkit.Fault;
import dev.s3batch.testkit.FaultProxy;
import dev.s3batch.testkit.S3MockServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * The answer to CreateMultipartUpload lost between S3 (S3Mock) and the real handler's SDK client
 * ({@link FaultProxy}): S3 created an upload the function never learnt the id of. The copy must
 * leave no upload of its own open, and never touch anyone else's.
 */
class UploadCreationTest {

  private static final int MIB = 1 << 20;
  private static final String KEY = "big.bin";
  private static final String COPY = "copy/big.bin";

  private final S3Client direct = S3MockServer.get().client();
  private final String bucket = S3MockServer.get().newBucket("lost-create");
  private FaultProxy proxy;
  private byte[] body;

  @BeforeEach
  void start() {
    proxy = FaultProxy.start(S3MockServer.get().endpoint());
    body = bytes(11 * MIB, 71);
    direct.putObject(b -> b.bucket(bucket).key(KEY), RequestBody.fromBytes(body));
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  /** The real handler copying {@link #KEY} in parts of 5 MiB through the proxy. */
  private TaskResult copy(boolean sdkRetries) {
    try (S3Client s3 = S3Client.builder()
        .endpointOverride(proxy.endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(20)).build())
        .overrideConfiguration(o -> o.retryStrategy(sdkRetries ? AwsRetryStrategy.standardRetryStrategy()
            : AwsRetryStrategy.doNotRetry()))
        .build()) {
      return Invoke.action("copy").env("S3BATCH_DESTINATION_PREFIX", "copy/")
          .env("S3BATCH_MULTIPART_THRESHOLD", "5MiB").env("S3BATCH_PART_SIZE", "5MiB")
          .on(bucket, KEY).run(s3).only();
    }
  }

  private List<MultipartUpload> openUploads() {
    return direct.listMultipartUploads(b -> b.bucket(bucket)).uploads();
  }

  private long count(String operation) {
    return proxy.operations().stream().filter(operation::equals).count();
  }

  private void loseTheAnswerOfTheFirstCreate() {
    proxy.inject(r -> r.operation().equals("CreateMultipartUpload"), Fault.answerLost(), 1);
  }

  @Test
  void copy_createAnswerLostAndRetriedBySdk_succeedsByteIdenticalAndNoUploadOpen() {
    loseTheAnswerOfTheFirstCreate();

    TaskResult r = copy(true);

    assertThat(r.resultCode()).as(r.resultString()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).contains("2 parts")
        .endsWith("; aborted 1 empty upload a lost CreateMultipartUpload answer had opened");
    assertThat(sha256(read(bucket, COPY))).isEqualTo(sha256(body));
    assertThat(count("CreateMultipartUpload")).as("S3 created two uploads").isEqualTo(2);
    assertThat(count("AbortMultipartUpload")).isEqualTo(1);
    assertThat(openUploads()).isEmpty();
  }

  @Test
  void copy_createAnswerLostWithOneSdkAttempt_temporaryFailureNoUploadOpenAndRedriveCopies() {
    loseTheAnswerOfTheFirstCreate();

    TaskResult failed = copy(false);

    assertThat(failed.resultCode()).as(failed.resultString()).isEqualTo(ResultCode.TemporaryFailure);
    assertThat(failed.resultString()).startsWith("connection fault: ");
    assertThat(count("AbortMultipartUpload")).isEqualTo(1);
    assertThat(openUploads()).isEmpty();
    assertThat(direct.listObjectsV2(b -> b.bucket(bucket).prefix("copy/")).contents()).isEmpty();

    TaskResult redrive = copy(false);

    assertThat(redrive.resultCode()).as(redrive.resultString()).isEqualTo(ResultCode.Succeeded);
    assertThat(sha256(read(bucket, COPY))).isEqualTo(sha256(body));
    assertThat(openUploads()).isEmpty();
  }

  @Test
  void copy_markerPartFailsAndFirstAbortFailsWithOneSdkAttempt_abortTriedAgainAndNoUploadOpen() {
    proxy.inject(r -> r.operation().equals("UploadPart"), Fault.reset(), 1);
    proxy.inject(r -> r.operation().equals("AbortMultipartUpload"), Fault.slowDown(), 1);

    TaskResult failed = copy(false);

    assertThat(failed.resultCode()).as(failed.resultString()).isEqualTo(ResultCode.TemporaryFailure);
    assertThat(count("AbortMultipartUpload")).isEqualTo(2);
    assertThat(openUploads()).as("the unmarked upload, which no redrive could find").isEmpty();
  }

  @Test
  void copy_noFault_createsOneUploadAndListsNothingAgain() {
    TaskResult r = copy(true);

    assertThat(r.resultCode()).as(r.resultString()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).doesNotContain("aborted");
    assertThat(count("CreateMultipartUpload")).isEqualTo(1);
    assertThat(count("ListMultipartUploads")).as("only OpenUploads' look before the create").isEqualTo(1);
    assertThat(count("AbortMultipartUpload")).isZero();
    assertThat(openUploads()).isEmpty();
  }

  @Test
  void copy_createRefusedWithAccessDenied_permanentFailureWithoutListingAgain() {
    proxy.inject(r -> r.operation().equals("CreateMultipartUpload"), Fault.error(403, "AccessDenied"), 1);

    TaskResult r = copy(false);

    assertThat(r.resultCode()).as(r.resultString()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).contains("AccessDenied");
    assertThat(count("ListMultipartUploads")).as("S3 refused the create: nothing to look for").isEqualTo(1);
    assertThat(openUploads()).isEmpty();
  }

  @Test
  void copy_emptyUploadOfTheSameKeyOpenedBeforeTheCopy_isLeftAlone() {
    String theirs = direct.createMultipartUpload(b -> b.bucket(bucket).key(COPY)).uploadId();
    loseTheAnswerOfTheFirstCreate();

    TaskResult r = copy(true);

    assertThat(r.resultCode()).as(r.resultString()).isEqualTo(ResultCode.Succeeded);
    assertThat(sha256(read(bucket, COPY))).isEqualTo(sha256(body));
    assertThat(openUploads()).extracting(MultipartUpload::uploadId).containsExactly(theirs);
    direct.abortMultipartUpload(b -> b.bucket(bucket).key(COPY).uploadId(theirs));
  }

  @Test
  void copy_uploadsOthersOpenDuringTheLostCreate_areLeftAloneWhenOfAnotherKeyOrHoldingAPart() {
    AtomicBoolean first = new AtomicBoolean(true);
    String[] others = new String[2];
    proxy.injectEach(request -> {
      if (!request.operation().equals("CreateMultipartUpload") || !first.getAndSet(false)) {
        return null;
      }
      // while this create is under way: another writer's uploads, one of a longer key, one with a part
      others[0] = direct.createMultipartUpload(b -> b.bucket(bucket).key(COPY + ".v2")).uploadId();
      others[1] = direct.createMultipartUpload(b -> b.bucket(bucket).key(COPY)).uploadId();
      direct.uploadPart(b -> b.bucket(bucket).key(COPY).uploadId(others[1]).partNumber(1),
          RequestBody.fromString("their part"));
      return Fault.answerLost();
    });

    TaskResult r = copy(true);

    assertThat(r.resultCode()).as(r.resultString()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).endsWith("; aborted 1 empty upload a lost CreateMultipartUpload answer had opened");
    assertThat(sha256(read(bucket, COPY))).isEqualTo(sha256(body));
    assertThat(openUploads()).extracting(MultipartUpload::uploadId).containsExactlyInAnyOrder(others);
    direct.abortMultipartUpload(b -> b.bucket(bucket).key(COPY + ".v2").uploadId(others[0]));
    direct.abortMultipartUpload(b -> b.bucket(bucket).key(COPY).uploadId(others[1]));
  }
}
