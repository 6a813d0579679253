package dev.s3batch.tools.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Where {@code run-local --log FILE} sends the function's log lines. Thread-safe. */
final class FunctionLog implements Consumer<String>, AutoCloseable {

  private final BufferedWriter out;

  private FunctionLog(BufferedWriter out) {
    this.out = out;
  }

  /**
   * A log writing to {@code file}; null when {@code file} is null: without {@code --log} the job gets
   * no log at all, and the function then makes no log lines (see {@code LocalContext}).
   */
  static FunctionLog open(Path file) {
    if (file == null) {
      return null;
    }
    try {
      return new FunctionLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw CliException.usage("--log " + file + ": cannot write it: " + e.getMessage());
    }
  }

  @Override
  public synchronized void accept(String line) {
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      // a log line lost does not fail the job
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
