package dev.s3batch.tools.cli;

/**
 * An expected failure of a command: its message is printed on stderr as {@code s3batch: message}
 * and the process exits with {@link #exitCode()}. Business code throws the static factories'
 * results; only {@link Main} exits.
 */
public final class CliException extends RuntimeException {

  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Bad usage or input (exit code 2). */
  public static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }

  /** The operation failed (exit code 1). */
  public static CliException failed(String message) {
    return new CliException(ExitCodes.FAILED, message);
  }

  /** The exit code. */
  public int exitCode() {
    return exitCode;
  }
}
