package dev.s3batch.tools.local;

import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.tools.report.ReportRow;
import java.util.Objects;

/**
 * What one invocation of the function came to, as S3 Batch Operations reads it, and the report
 * row each case becomes (the table, after AWS's reports):
 *
 * <table>
 *   <caption>outcome to report row</caption>
 *   <tr><th>outcome</th><th>TaskStatus, HTTPStatusCode, ErrorCode, ResultMessage</th></tr>
 *   <tr><td>Succeeded</td><td>{@code succeeded,200,,<resultString>}</td></tr>
 *   <tr><td>PermanentFailure, or TemporaryFailure on the last attempt</td><td>{@code failed,200,<resultCode>,<resultString>}</td></tr>
 *   <tr><td>function error (thrown, or timed out)</td><td>{@code failed,200,PermanentFailure,Lambda returned function error: <payload>}</td></tr>
 *   <tr><td>output that is not the expected JSON</td><td>{@code failed,200,PermanentFailure,Invalid JSON returned in Lambda payload}</td></tr>
 *   <tr><td>Lambda's Invoke answered an error status (after retrying 429 and 5xx), or was not reached (our choice:
 *       AWS does not document this row)</td><td>{@code failed,<status>,<Lambda error type>,Lambda Invoke failed: <message>}</td></tr>
 * </table>
 */
public sealed interface InvocationOutcome
    permits InvocationOutcome.Answered, InvocationOutcome.FunctionError, InvocationOutcome.InvalidResponse,
        InvocationOutcome.InvokeFailed {

  /** The message AWS reports for a response it cannot read. */
  String INVALID_JSON = "Invalid JSON returned in Lambda payload";

  /** The report row of a task that ended with this outcome. */
  ReportRow row(String bucket, String encodedKey, String versionId);

  /** The function answered the task. */
  record Answered(ResultCode resultCode, String resultString) implements InvocationOutcome {
    public Answered {
      Objects.requireNonNull(resultCode, "resultCode");
      resultString = resultString == null ? "" : resultString;
    }

    @Override
    public ReportRow row(String bucket, String encodedKey, String versionId) {
      return switch (resultCode) {
        case Succeeded -> new ReportRow(bucket, encodedKey, versionId, ReportRow.SUCCEEDED, "200", "", resultString);
        case TemporaryFailure, PermanentFailure ->
            new ReportRow(bucket, encodedKey, versionId, ReportRow.FAILED, "200", resultCode.name(), resultString);
      };
    }
  }

  /** The function failed the invocation: it threw, or ran past its timeout. */
  record FunctionError(String payload) implements InvocationOutcome {
    public FunctionError {
      Objects.requireNonNull(payload, "payload");
    }

    @Override
    public ReportRow row(String bucket, String encodedKey, String versionId) {
      return new ReportRow(bucket, encodedKey, versionId, ReportRow.FAILED, "200", "PermanentFailure",
          "Lambda returned function error: " + payload);
    }
  }

  /** The function returned something that is not a response for this task. */
  record InvalidResponse(String why) implements InvocationOutcome {
    @Override
    public ReportRow row(String bucket, String encodedKey, String versionId) {
      return new ReportRow(bucket, encodedKey, versionId, ReportRow.FAILED, "200", "PermanentFailure", INVALID_JSON);
    }
  }

  /**
   * Lambda did not run the invocation: its Invoke API answered an error status (after the client's retries of
   * throttling and service errors), or could not be reached.
   *
   * @param httpStatus the status Lambda answered, empty when it was not reached
   * @param errorCode Lambda's error type ({@code TooManyRequestsException}, ...)
   * @param message what Lambda said
   */
  record InvokeFailed(String httpStatus, String errorCode, String message) implements InvocationOutcome {
    public InvokeFailed {
      Objects.requireNonNull(httpStatus, "httpStatus");
      Objects.requireNonNull(errorCode, "errorCode");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public ReportRow row(String bucket, String encodedKey, String versionId) {
      return new ReportRow(bucket, encodedKey, versionId, ReportRow.FAILED, httpStatus, errorCode,
          "Lambda Invoke failed: " + message);
    }
  }

  /** True for a TemporaryFailure answer (which is redriven). */
  default boolean temporary() {
    return this instanceof Answered a && a.resultCode() == ResultCode.TemporaryFailure;
  }

  /** True for a Succeeded answer. */
  default boolean succeeded() {
    return this instanceof Answered a && a.resultCode() == ResultCode.Succeeded;
  }
}
