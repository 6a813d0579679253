package dev.s3batch.tools.report;

/** Which tasks a completion report lists, spelled as S3 Control's {@code ReportScope}. */
public enum ReportScope {
  /** Every task, succeeded and failed. */
  AllTasks,
  /** Only the failed tasks. */
  FailedTasksOnly
}
