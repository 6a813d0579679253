package dev.s3batch.tools.job;

/**
 * How a job stands, for the exit code of {@code job status} and {@code job wait}. A
 * {@code Complete} job can have failed tasks and no FailureReasons, so the task count decides.
 */
public enum JobVerdict {
  /** Not ended, no task failed so far. */
  RUNNING,
  /** Complete (or still running) and no task failed. */
  SUCCEEDED,
  /** Some tasks failed ({@code NumberOfTasksFailed > 0}), the job itself did not fail. */
  TASKS_FAILED,
  /** The job ended {@code Failed} or {@code Cancelled}. */
  FAILED;

  /** The verdict on a job. */
  public static JobVerdict of(JobSummary job) {
    if ("Failed".equals(job.status()) || "Cancelled".equals(job.status())) {
      return FAILED;
    }
    if (job.failedTasks() > 0) {
      return TASKS_FAILED;
    }
    return job.ended() ? SUCCEEDED : RUNNING;
  }
}
