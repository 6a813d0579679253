package dev.s3batch.tools.local;

/** How a local job ended, named as S3 Control's job statuses. */
public enum JobStatus {
  /** Every task ran (some may have failed). */
  Complete,
  /** The failure threshold was crossed (at least 1,000 tasks ran and more than half failed), or the job could not go on. */
  Failed,
  /** Cancelled (Ctrl-C): no new tasks were issued; the running ones finished. */
  Cancelled
}
