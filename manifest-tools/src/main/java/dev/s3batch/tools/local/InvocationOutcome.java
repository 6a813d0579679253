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
 * </table>
 */
public sealed interface InvocationOutcome
    permits InvocationOutcome.Answered, InvocationOutcome.FunctionError, InvocationOutcome.InvalidResponse {

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

  /** True for a TemporaryFailure answer (which is redriven). */
  default boolean temporary() {
    return this instanceof Answered a && a.resultCode() == ResultCode.TemporaryFailure;
  }

  /** True for a Succeeded answer. */
  default boolean succeeded() {
    return this instanceof Answered a && a.resultCode() == ResultCode.Succeeded;
  }
}
