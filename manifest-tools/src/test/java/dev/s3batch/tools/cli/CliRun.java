package dev.s3batch.tools.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of {@code s3batch}, as a user would type it: exit code, stdout, stderr.
 *
 * @param exitCode the exit code
 * @param out what was printed on stdout
 * @param err what was printed on stderr
 */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code s3batch args...}. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
      code = Main.run(o, e, args);
    }
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
