package dev.s3batch.tools.csv;

import java.io.IOException;

/** A CSV input that RFC 4180 cannot read; the message names the line. */
public final class CsvFormatException extends IOException {

  private final long line;
  private final String problem;

  /**
   * @param line the line number (from 1) of the record at fault
   * @param problem what is wrong
   */
  public CsvFormatException(long line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
    this.problem = problem;
  }

  /** The line number (from 1) of the record at fault. */
  public long line() {
    return line;
  }

  /** What is wrong, without the line. */
  public String problem() {
    return problem;
  }
}
