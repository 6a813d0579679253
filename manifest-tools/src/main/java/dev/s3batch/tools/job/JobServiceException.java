package dev.s3batch.tools.job;

/**
 * S3 or S3 Control answered an error, or a job did not end in time. The message says which call
 * failed, the service's error code and message and, when known, the request id; the CLI prints it
 * and exits 1.
 */
public final class JobServiceException extends RuntimeException {

  public JobServiceException(String message, Throwable cause) {
    super(message, cause);
  }

  public JobServiceException(String message) {
    super(message);
  }
}
