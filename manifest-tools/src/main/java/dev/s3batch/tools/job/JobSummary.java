package dev.s3batch.tools.job;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.s3control.model.JobDescriptor;
import software.amazon.awssdk.services.s3control.model.JobListDescriptor;
import software.amazon.awssdk.services.s3control.model.JobProgressSummary;
import software.amazon.awssdk.services.s3control.model.JobReport;

/**
 * What {@code job status}, {@code job wait} and {@code job list} show of a job, from DescribeJob or
 * ListJobs. Counts are 0 when S3 has not reported them yet. Serialised as is by {@code --json}.
 *
 * @param jobId the job id
 * @param status the status as S3 spells it ({@code Active}, {@code Complete}, ...)
 * @param description the description, or null
 * @param priority the priority, or null
 * @param totalTasks {@code ProgressSummary.TotalNumberOfTasks}
 * @param succeededTasks {@code ProgressSummary.NumberOfTasksSucceeded}
 * @param failedTasks {@code ProgressSummary.NumberOfTasksFailed}
 * @param failureReasons {@code FailureReasons} as {@code CODE: reason}
 * @param statusUpdateReason why the status last changed, or null
 * @param report where the completion report goes ({@code s3://bucket/prefix/job-ID/}), or null
 * @param reportScope {@code AllTasks} or {@code FailedTasksOnly}, or null
 * @param created when the job was created, or null
 * @param terminated when the job ended, or null
 */
public record JobSummary(
    String jobId,
    String status,
    String description,
    Integer priority,
    long totalTasks,
    long succeededTasks,
    long failedTasks,
    List<String> failureReasons,
    String statusUpdateReason,
    String report,
    String reportScope,
    Instant created,
    Instant terminated) {

  public JobSummary {
    failureReasons = failureReasons == null ? List.of() : List.copyOf(failureReasons);
  }

  /** The summary of a DescribeJob answer. */
  public static JobSummary of(JobDescriptor job) {
    JobProgressSummary p = job.progressSummary();
    List<String> reasons = job.failureReasons().stream()
        .map(f -> f.failureCode() == null ? f.failureReason() : f.failureCode() + ": " + f.failureReason())
        .toList();
    return new JobSummary(
        job.jobId(), job.statusAsString(), job.description(), job.priority(),
        count(p == null ? null : p.totalNumberOfTasks()),
        count(p == null ? null : p.numberOfTasksSucceeded()),
        count(p == null ? null : p.numberOfTasksFailed()),
        reasons, job.statusUpdateReason(), reportLocation(job.report(), job.jobId()),
        job.report() == null ? null : job.report().reportScopeAsString(),
        job.creationTime(), job.terminationDate());
  }

  /** The summary of one ListJobs entry (no failure reasons, no report). */
  public static JobSummary of(JobListDescriptor job) {
    JobProgressSummary p = job.progressSummary();
    return new JobSummary(
        job.jobId(), job.statusAsString(), job.description(), job.priority(),
        count(p == null ? null : p.totalNumberOfTasks()),
        count(p == null ? null : p.numberOfTasksSucceeded()),
        count(p == null ? null : p.numberOfTasksFailed()),
        List.of(), null, null, null, job.creationTime(), job.terminationDate());
  }

  /** Whether the job has ended: {@code Complete}, {@code Failed} or {@code Cancelled}. */
  public boolean ended() {
    return "Complete".equals(status) || "Failed".equals(status) || "Cancelled".equals(status);
  }

  private static long count(Long value) {
    return value == null ? 0 : value;
  }

  private static String reportLocation(JobReport report, String jobId) {
    if (report == null || !Boolean.TRUE.equals(report.enabled()) || report.bucket() == null) {
      return null;
    }
    String bucket = report.bucket().substring(report.bucket().lastIndexOf(':') + 1);
    String prefix = report.prefix() == null || report.prefix().isEmpty() ? "" : report.prefix() + "/";
    return "s3://" + bucket + "/" + prefix + "job-" + jobId + "/";
  }
}
