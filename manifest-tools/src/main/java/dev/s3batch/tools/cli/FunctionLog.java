package dev.s3batch.tools.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Where {@code run-local} sends the function's log lines: a file, or nowhere. Thread-safe. */
final class FunctionLog implements Consumer<String>, AutoCloseable {

  private final BufferedWriter out;

  private FunctionLog(BufferedWriter out) {
    this.out = out;
  }

  /** A log writing to {@code file}, or discarding lines when it is null. */
  static FunctionLog open(Path file) {
    if (file == null) {
      return new FunctionLog(null);
    }
    try {
      return new FunctionLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw CliException.usage("--log " + file + ": cannot write it: " + e.getMessage());
    }
  }

  @Override
  public synchronized void accept(String line) {
    if (out == null) {
      return;
    }
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      // a log line lost does not fail the job
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
