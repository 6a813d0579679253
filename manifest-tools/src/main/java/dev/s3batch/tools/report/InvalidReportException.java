package dev.s3batch.tools.report;

/** A completion report that cannot be read or does not match its manifest; the message names the file. */
public final class InvalidReportException extends RuntimeException {

  public InvalidReportException(String message) {
    super(message);
  }
}
