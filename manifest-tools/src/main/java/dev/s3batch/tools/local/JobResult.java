package dev.s3batch.tools.local;

import dev.s3batch.tools.report.SampleNote;
import java.util.Objects;

/**
 * How a local job ended.
 *
 * @param jobId the job id (the report is under {@code job-<jobId>/})
 * @param status how it ended
 * @param progress the final counts
 * @param report where the report's {@code manifest.json} is
 * @param failureReason why the job failed or was cancelled, empty when it completed
 * @param unprocessed how many manifest rows never ran (the job stopped early)
 * @param unprocessedReport where those rows are listed (a CSV manifest), empty when there are none
 * @param sample what the sample was, for a job run on a sample of the manifest ({@code --sample}); null for a job
 *     of every row
 */
public record JobResult(
    String jobId, JobStatus status, JobProgress progress, String report, String failureReason, long unprocessed,
    String unprocessedReport, SampleNote sample) {
  public JobResult {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(unprocessedReport, "unprocessedReport");
  }
}
