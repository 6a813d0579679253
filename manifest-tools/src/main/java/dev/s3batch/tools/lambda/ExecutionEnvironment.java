package dev.s3batch.tools.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;

/**
 * One execution environment: a child process speaking the Runtime API on its own port, so the
 * service knows which environment every Runtime API call comes from, and which invocation it is
 * running (to time it out, or to fail it when the child dies). Its output is read line by line
 * and given to the log sink, attributed to the running invocation for {@code LogType: Tail}.
 *
 * <p>The output is polled rather than read by a blocked thread so that {@link #drainLog()} can
 * take, before an invocation completes, every line the child wrote before it answered: the
 * child writes its log before it sends the response, so those bytes are already in the pipe.
 */
final class ExecutionEnvironment {

  private final FunctionHost host;
  private final int number;
  private final int port;
  private volatile Process process;
  private InputStream output;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final byte[] buffer = new byte[8192];

  /** Guarded by the function host's lock. */
  volatile Invocation current;
  long currentStartedNanos;
  ScheduledFuture<?> timer;
  boolean tookAny;
  Outcome.Failed initError;

  ExecutionEnvironment(FunctionHost host, int number, int port) {
    this.host = host;
    this.number = number;
    this.port = port;
  }

  FunctionHost host() {
    return host;
  }

  /** Takes the started child and begins reading its output. */
  void attach(Process child) {
    synchronized (buffer) {
      this.output = child.getInputStream();
      this.process = child;
    }
    Thread pump = new Thread(this::pump, "s3batch-lambda-log-" + number);
    pump.setDaemon(true);
    pump.start();
  }

  int number() {
    return number;
  }

  int port() {
    return port;
  }

  Process process() {
    return process;
  }

  /** True until the child has exited (also while it is being started). */
  boolean isAlive() {
    Process p = process;
    return p == null || p.isAlive();
  }

  /** Stops the child and anything it started, at once (a timeout, an init error, the service's close). */
  void kill() {
    Process process = this.process;
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Hands on every whole line the child has written so far. */
  void drainLog() {
    synchronized (buffer) {
      if (output == null) {
        return;
      }
      try {
        int available;
        while ((available = output.available()) > 0) {
          int n = output.read(buffer, 0, Math.min(available, buffer.length));
          if (n < 0) {
            break;
          }
          split(n);
        }
      } catch (IOException e) {
        // the pipe closed: the child is gone, and its exit is handled elsewhere
      }
    }
  }

  private void pump() {
    try {
      while (process.isAlive()) {
        drainLog();
        Thread.sleep(10);
      }
      synchronized (buffer) {
        int n;
        while ((n = output.read(buffer)) >= 0) {
          split(n);
        }
        if (partial.size() > 0) {
          emit();
        }
      }
    } catch (IOException | InterruptedException e) {
      // the service is closing
    }
  }

  private void split(int n) {
    for (int i = 0; i < n; i++) {
      if (buffer[i] == '\n') {
        emit();
      } else {
        partial.write(buffer[i]);
      }
    }
  }

  private void emit() {
    String line = partial.toString(StandardCharsets.UTF_8);
    partial.reset();
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    host.childLine(this, line);
  }
}
