package dev.s3batch.tools.report;

import dev.s3batch.tools.csv.CsvWriter;
import java.util.Objects;

/**
 * One row of a completion report ({@code Report_CSV_20180820}), in the column order AWS really
 * writes: Bucket, Key, VersionId, TaskStatus, HTTPStatusCode, ErrorCode, ResultMessage (the
 * {@code ReportSchema} of {@code manifest.json} names ErrorCode first; the rows do not).
 *
 * <pre>{@code
 * awsexamplebucket1,image_17775,,succeeded,200,,"{...result string...}"
 * }</pre>
 *
 * @param bucket the bucket name
 * @param key the key, URL-encoded as in the manifest
 * @param versionId the version id, empty when none
 * @param taskStatus {@code succeeded} or {@code failed}
 * @param httpStatusCode the HTTP status, {@code 200} for Lambda tasks
 * @param errorCode empty for succeeded tasks, else the result code ({@code PermanentFailure}, {@code TemporaryFailure})
 * @param resultMessage the result string, or the failure message
 */
public record ReportRow(
    String bucket, String key, String versionId, String taskStatus, String httpStatusCode, String errorCode,
    String resultMessage) {

  /** The {@code TaskStatus} of a succeeded task. */
  public static final String SUCCEEDED = "succeeded";
  /** The {@code TaskStatus} of a failed task. */
  public static final String FAILED = "failed";

  public ReportRow {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    versionId = versionId == null ? "" : versionId;
    Objects.requireNonNull(taskStatus, "taskStatus");
    Objects.requireNonNull(httpStatusCode, "httpStatusCode");
    errorCode = errorCode == null ? "" : errorCode;
    resultMessage = resultMessage == null ? "" : resultMessage;
  }

  /** True for a failed task. */
  public boolean failed() {
    return !SUCCEEDED.equals(taskStatus);
  }

  /** The row as AWS writes it: RFC 4180, fields quoted only when needed, LF at the end. */
  public String toCsv() {
    StringBuilder sb = new StringBuilder(96 + key.length() + resultMessage.length());
    CsvWriter.record(sb, bucket, key, versionId, taskStatus, httpStatusCode, errorCode, resultMessage);
    return sb.toString();
  }
}
