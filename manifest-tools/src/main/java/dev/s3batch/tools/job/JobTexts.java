package dev.s3batch.tools.job;

import java.util.ArrayList;
import java.util.List;

/** The text that {@code job status}, {@code job wait} and {@code job list} print for people. */
public final class JobTexts {

  private JobTexts() {}

  /** The lines of {@code job status}. */
  public static List<String> status(JobSummary job) {
    List<String> lines = new ArrayList<>();
    lines.add("Job:       " + job.jobId());
    lines.add("Status:    " + job.status()
        + (job.statusUpdateReason() == null ? "" : " (" + job.statusUpdateReason() + ")"));
    if (job.description() != null) {
      lines.add("About:     " + job.description());
    }
    if (job.priority() != null) {
      lines.add("Priority:  " + job.priority());
    }
    lines.add("Progress:  " + progress(job));
    for (String reason : job.failureReasons()) {
      lines.add("Failure:   " + reason);
    }
    if (job.report() != null) {
      lines.add("Report:    " + job.report() + (job.reportScope() == null ? "" : " (" + job.reportScope() + ")"));
    }
    if (job.created() != null) {
      lines.add("Created:   " + job.created());
    }
    if (job.terminated() != null) {
      lines.add("Ended:     " + job.terminated());
    }
    return lines;
  }

  /** {@code 7 of 10 tasks done: 6 succeeded, 1 failed}. */
  public static String progress(JobSummary job) {
    long done = job.succeededTasks() + job.failedTasks();
    return done + " of " + job.totalTasks() + " tasks done: " + job.succeededTasks() + " succeeded, "
        + job.failedTasks() + " failed";
  }

  /** One row of {@code job list}. */
  public static String row(JobSummary job) {
    return String.format("%-36s  %-10s  %10s  %-20s  %s",
        job.jobId(), job.status(), job.priority() == null ? "" : job.priority(),
        job.created() == null ? "" : job.created().toString(),
        progress(job) + (job.description() == null ? "" : "  " + job.description()));
  }

  /** The header of {@code job list}. */
  public static String header() {
    return String.format("%-36s  %-10s  %10s  %-20s  %s", "JOB ID", "STATUS", "PRIORITY", "CREATED", "PROGRESS");
  }
}
