package dev.s3batch.tools.report;

import java.io.IOException;

/** The report cannot be written where it should go (found before the first task, by a probe write). */
public final class ReportDestinationException extends IOException {

  private final boolean temporaryFolder;

  /** The destination cannot be written; {@code message} begins with the location. */
  public ReportDestinationException(String message, Throwable cause) {
    this(message, false, cause);
  }

  ReportDestinationException(String message, boolean temporaryFolder, Throwable cause) {
    super(message, cause);
    this.temporaryFolder = temporaryFolder;
  }

  /** True when it is the temporary folder that keeps the result files during the job that cannot be written. */
  public boolean temporaryFolder() {
    return temporaryFolder;
  }
}
