package dev.s3batch.tools.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writing a report failed after its tasks ran (a full disk, a bucket deleted mid-job): nothing
 * was published as complete, and the rows are kept in the temporary files {@link #kept()} names.
 */
public final class ReportNotWrittenException extends IOException {

  private final List<Path> kept;

  public ReportNotWrittenException(String message, List<Path> kept, Throwable cause) {
    super(message, cause);
    this.kept = List.copyOf(kept);
  }

  /** The temporary files that hold the rows (left in place). */
  public List<Path> kept() {
    return kept;
  }
}
