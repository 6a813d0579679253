package dev.s3batch.tools.report;

import java.io.IOException;

/** The report cannot be written where it should go (found before the first task, by a probe write). */
public final class ReportDestinationException extends IOException {
  public ReportDestinationException(String message, Throwable cause) {
    super(message, cause);
  }
}
