package dev.s3batch.tools.cli;

/** Every exit code of {@code s3batch}, in one place; listed in {@code --help}. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** The operation failed: an invocation failed, S3 or S3 Control answered an error, a job failed. */
  public static final int FAILED = 1;
  /** Bad usage or bad input: an option, a file, a line; nothing was sent or written. */
  public static final int USAGE = 2;
  /** It ran, but tasks failed (an invocation's tasks, a job's tasks, a report's rows). */
  public static final int TASKS_FAILED = 3;
  /** Interrupted (Ctrl-C). */
  public static final int INTERRUPTED = 130;

  /** What {@code --help} of every command shows under "Exit codes", in order. */
  public static java.util.Map<String, String> help() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put(String.valueOf(OK), "Success.");
    m.put(String.valueOf(FAILED), "The operation failed (function error, S3 or S3 Control error, job failed).");
    m.put(String.valueOf(USAGE), "Bad usage or bad input (option, file, line); nothing was sent or written.");
    m.put(String.valueOf(TASKS_FAILED), "It ran, but tasks failed (invocation, job or report).");
    m.put(String.valueOf(INTERRUPTED), "Interrupted (Ctrl-C).");
    return m;
  }

  private ExitCodes() {}
}
