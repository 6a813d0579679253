package dev.s3batch.handler.response;

/**
 * A task's {@code resultCode}, spelled exactly as S3 Batch Operations expects it.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-invoke-lambda.html">Response
 *     and result codes</a>
 */
public enum ResultCode {
  /** The task completed; the result string goes into the completion report. */
  Succeeded,
  /** The task failed for now; S3 redrives it before the job completes, and reports the last message. */
  TemporaryFailure,
  /** The task failed for good; S3 marks it failed and reports the message. */
  PermanentFailure
}
