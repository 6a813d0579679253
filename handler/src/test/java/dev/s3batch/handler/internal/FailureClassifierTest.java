package dev.s3batch.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.spi.TaskOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The exception-to-result table, row by row, against what S3 sends (error codes from the S3 API
 * reference's "Error responses"; the SDK raises them as {@link S3Exception}).
 */
class FailureClassifierTest {

  private static final ResultCode TEMP = ResultCode.TemporaryFailure;
  private static final ResultCode PERM = ResultCode.PermanentFailure;

  /** An S3 error answer as the SDK raises it; a null code is a bodiless (HEAD) answer. */
  static S3Exception s3(int status, String code) {
    AwsErrorDetails.Builder details = AwsErrorDetails.builder().serviceName("S3");
    if (code != null) {
      details.errorCode(code).errorMessage("message for " + code);
    }
    return (S3Exception) S3Exception.builder()
        .statusCode(status).requestId("REQ" + status).awsErrorDetails(details.build()).build();
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // throttling
        Arguments.of("503 SlowDown", s3(503, "SlowDown"), TEMP, "SlowDown"),
        Arguments.of("429 TooManyRequests (no code)", s3(429, null), TEMP, "TooManyRequests"),
        Arguments.of("400 ThrottlingException", s3(400, "ThrottlingException"), TEMP, "ThrottlingException"),
        Arguments.of("400 RequestLimitExceeded", s3(400, "RequestLimitExceeded"), TEMP, "RequestLimitExceeded"),
        // server faults
        Arguments.of("500 InternalError", s3(500, "InternalError"), TEMP, "InternalError"),
        Arguments.of("502 (no code)", s3(502, null), TEMP, "HTTP502"),
        Arguments.of("503 ServiceUnavailable", s3(503, "ServiceUnavailable"), TEMP, "ServiceUnavailable"),
        Arguments.of("504 GatewayTimeout", s3(504, "GatewayTimeout"), TEMP, "GatewayTimeout"),
        Arguments.of("400 RequestTimeout", s3(400, "RequestTimeout"), TEMP, "RequestTimeout"),
        Arguments.of("409 OperationAborted", s3(409, "OperationAborted"), TEMP, "OperationAborted"),
        Arguments.of("CopyObject 200 with InternalError body", s3(200, "InternalError"), TEMP, "InternalError"),
        Arguments.of("CopyObject 200 with SlowDown body", s3(200, "SlowDown"), TEMP, "SlowDown"),
        Arguments.of("CopyObject 200 with an unlisted code", s3(200, "SomethingNew"), TEMP, "SomethingNew"),
        // client side
        Arguments.of("connection reset", SdkClientException.builder()
            .message("Unable to execute HTTP request: Connection reset")
            .cause(new SocketException("Connection reset")).build(), TEMP, "ConnectionFault"),
        Arguments.of("socket read timeout", SdkClientException.builder()
            .message("Unable to execute HTTP request: Read timed out")
            .cause(new SocketTimeoutException("Read timed out")).build(), TEMP, "ConnectionFault"),
        Arguments.of("api call timeout", ApiCallTimeoutException.create(1000), TEMP, "ClientTimeout"),
        Arguments.of("api call attempt timeout", ApiCallAttemptTimeoutException.create(500), TEMP, "ClientTimeout"),
        Arguments.of("stream broken while reading a body", new UncheckedIOException(new IOException("premature EOF")),
            TEMP, "ConnectionFault"),
        // permanent
        Arguments.of("403 AccessDenied", s3(403, "AccessDenied"), PERM, "AccessDenied"),
        Arguments.of("403 on HEAD (no body)", s3(403, null), PERM, "AccessDenied"),
        Arguments.of("404 NoSuchBucket", s3(404, "NoSuchBucket"), PERM, "NoSuchBucket"),
        Arguments.of("404 NoSuchKey", s3(404, "NoSuchKey"), PERM, "NoSuchKey"),
        Arguments.of("404 on HEAD (no body)", s3(404, null), PERM, "NotFound"),
        Arguments.of("404 NoSuchVersion", s3(404, "NoSuchVersion"), PERM, "NoSuchVersion"),
        Arguments.of("400 InvalidRequest", s3(400, "InvalidRequest"), PERM, "InvalidRequest"),
        Arguments.of("400 InvalidArgument", s3(400, "InvalidArgument"), PERM, "InvalidArgument"),
        Arguments.of("412 PreconditionFailed", s3(412, "PreconditionFailed"), PERM, "PreconditionFailed"),
        Arguments.of("405 MethodNotAllowed", s3(405, "MethodNotAllowed"), PERM, "MethodNotAllowed"),
        Arguments.of("bad task parameter", new IllegalArgumentException("invalid tagMode \"x\""), PERM, ""),
        Arguments.of("malformed key", new MalformedKeyException("key \"%\" is not URL-encoded"), PERM, ""),
        Arguments.of("SDK misconfiguration", SdkClientException.create("Unable to load region"), PERM, "ClientError"),
        Arguments.of("a bug in an action", new NullPointerException("x"), PERM, "NullPointerException"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void classify_failure_givesResultCodeAndErrorCode(String name, Throwable failure, ResultCode code, String errorCode) {
    TaskOutcome outcome = new FailureClassifier().classify(failure);

    assertThat(outcome.resultCode()).as(name).isEqualTo(code);
    assertThat(outcome.errorCode()).as(name).isEqualTo(errorCode);
  }

  @Test
  void classify_s3Error_messageCarriesCodeStatusAndRequestId() {
    TaskOutcome outcome = new FailureClassifier().classify(s3(503, "SlowDown"));

    assertThat(outcome.message()).isEqualTo("S3 error SlowDown (HTTP 503, request id REQ503): message for SlowDown");
  }

  @Test
  void classify_bodilessHead404_messageNamesDerivedCodeAndStatus() {
    TaskOutcome outcome = new FailureClassifier().classify(s3(404, null));

    assertThat(outcome.message()).startsWith("S3 error NotFound (HTTP 404, request id REQ404)");
  }

  @Test
  void classify_missingKeyTemporary_makesOnlyMissingKeysTemporary() {
    FailureClassifier classifier = new FailureClassifier(true);

    assertThat(classifier.classify(s3(404, "NoSuchKey")).resultCode()).isEqualTo(TEMP);
    assertThat(classifier.classify(s3(404, null)).resultCode()).isEqualTo(TEMP);
    assertThat(classifier.classify(s3(404, "NoSuchVersion")).resultCode()).isEqualTo(PERM);
    assertThat(classifier.classify(s3(404, "NoSuchBucket")).resultCode()).isEqualTo(PERM);
  }

  @Test
  void classify_connectionReset_messageNamesTheRootCause() {
    TaskOutcome outcome = new FailureClassifier().classify(SdkClientException.builder()
        .message("Unable to execute HTTP request").cause(new SocketException("Connection reset")).build());

    assertThat(outcome.message()).isEqualTo("connection fault: java.net.SocketException: Connection reset");
  }
}
