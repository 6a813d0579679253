package dev.s3batch.tools.job;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

/**
 * One line per S3 Control error, naming the call, the job, the error code and what to do. The
 * table below follows the errors the S3 Control model lists for the job operations.
 */
final class S3ControlErrors {

  private S3ControlErrors() {}

  static String describe(String operation, String jobId, S3ControlException e) {
    AwsErrorDetails details = e.awsErrorDetails();
    String code = details == null || details.errorCode() == null ? "HTTP " + e.statusCode() : details.errorCode();
    String message = details == null || details.errorMessage() == null ? "" : details.errorMessage();
    String job = jobId == null ? "" : " job " + jobId;
    String hint = switch (code) {
      case "NotFoundException", "NoSuchJob" -> "no such job in this account and Region";
      case "TooManyRequestsException", "SlowDown", "Throttling" -> "S3 Control is throttling requests; try again later";
      case "BadRequestException", "InvalidRequest" -> "S3 Control rejected the request";
      case "JobStatusException" -> "the job's status does not allow this change";
      case "IdempotencyException" -> "this client token was used for a different request; give another --client-token";
      case "AccessDenied", "AccessDeniedException" -> "access denied: check the credentials' s3:*Job permissions";
      case "InternalServiceException", "InternalError" -> "S3 Control failed internally; try again";
      default -> "S3 Control answered an error";
    };
    String requestId = e.requestId() == null ? "" : ", request id " + e.requestId();
    return operation + job + ": " + hint + " (" + code + (message.isEmpty() ? "" : ": " + message)
        + ", HTTP " + e.statusCode() + requestId + ")";
  }
}
