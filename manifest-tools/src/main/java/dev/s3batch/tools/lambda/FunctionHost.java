package dev.s3batch.tools.lambda;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One hosted function: its execution environments and the invocations waiting for one. An
 * invocation is accepted while fewer than {@code concurrency + queue} are in flight (otherwise the
 * caller gets 429, before its payload is read); an environment is started when more are waiting
 * than environments are free, up to {@code concurrency}; a free environment is reused (warm).
 * Every accepted invocation is completed exactly once ({@link #settle}), by its answer, its
 * timeout, or its environment's death. Thread-safe: the state is guarded by this object's lock.
 */
final class FunctionHost {

  /** Opens and closes the Runtime API port of an environment (the service's HTTP server). */
  interface RuntimePorts {
    int open(FunctionHost host) throws IOException;

    void bind(int port, ExecutionEnvironment env);

    void close(int port);
  }

  private final FunctionSpec spec;
  private final Launcher launcher;
  private final RuntimePorts ports;
  private final ScheduledExecutorService timer;
  private final Consumer<String> log;
  private final Deque<Invocation> waiting = new ArrayDeque<>();
  private final List<ExecutionEnvironment> environments = new ArrayList<>();
  private int inFlight;
  private int started;
  private boolean closed;

  FunctionHost(FunctionSpec spec, Launcher launcher, RuntimePorts ports, ScheduledExecutorService timer, Consumer<String> log) {
    this.spec = spec;
    this.launcher = launcher;
    this.ports = ports;
    this.timer = timer;
    this.log = log;
  }

  FunctionSpec spec() {
    return spec;
  }

  /**
   * Takes a place for one invocation before its payload is read, or returns false when every
   * environment is busy and the queue is full: a refused call's payload is then never held, so a
   * burst of callers costs the payloads of the accepted ones only. The place is given back by
   * {@link #release()}, or taken by {@link #submit}.
   */
  synchronized boolean reserve() {
    if (closed || inFlight >= spec.concurrency() + spec.queue()) {
      return false;
    }
    inFlight++;
    return true;
  }

  /** Gives back a place {@link #reserve()} took, for a call refused after all (its payload was wrong). */
  synchronized void release() {
    inFlight--;
  }

  /** Queues {@code invocation} in the place {@link #reserve()} took; false (the place given back) when closing. */
  synchronized boolean submit(Invocation invocation) {
    if (closed) {
      inFlight--;
      return false;
    }
    waiting.add(invocation);
    notifyAll();
    startWhatIsNeeded();
    return true;
  }

  /** How many environments are running (for tests and the benchmark). */
  synchronized int environmentCount() {
    return environments.size();
  }

  /**
   * {@code invocation/next}: blocks until an invocation waits, and hands it to {@code env}, its
   * deadline set; null when the environment or the service is stopping.
   */
  Invocation next(ExecutionEnvironment env) throws InterruptedException {
    Invocation invocation;
    synchronized (this) {
      env.tookAny = true;
      while (!closed && env.isAlive() && waiting.isEmpty()) {
        wait(500);
      }
      if (closed || !env.isAlive()) {
        // Answer a stopping service's runtime only once close() has killed it: an answer it could
        // still read would make AWS's runtime client print a stack trace for nothing.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (closed && env.process() != null && env.isAlive() && System.nanoTime() < until) {
          wait(50);
        }
        return null;
      }
      invocation = waiting.poll();
      env.current = invocation;
      env.currentStartedNanos = System.nanoTime();
      env.timer = timer.schedule(() -> timeout(env, invocation), spec.timeoutSeconds(), TimeUnit.SECONDS);
    }
    line(env, "START RequestId: " + invocation.requestId() + " Version: " + invocation.executedVersion());
    return invocation;
  }

  /**
   * The answer to {@code env}'s {@code invocation/next} that carried {@code invocation} failed
   * ({@code cause}): the runtime never had the event, so it goes back to the head of the queue
   * for the next environment that asks, rather than staying {@code env}'s current invocation,
   * never answered and never timed out, with its caller waiting for good.
   */
  void undelivered(ExecutionEnvironment env, Invocation invocation, Throwable cause) {
    synchronized (this) {
      if (env.current != invocation) {
        return;
      }
      env.current = null;
      env.timer.cancel(false);
      waiting.addFirst(invocation);
      notifyAll();
      startWhatIsNeeded();
    }
    log.accept("[" + spec.name() + "] environment " + env.number() + " did not get invocation " + invocation.requestId()
        + " (" + cause + "); it waits for the next environment");
  }

  /** The runtime answered {@code invocation} (response or error). */
  void finish(ExecutionEnvironment env, Invocation invocation, Outcome outcome) {
    env.drainLog();
    long nanos;
    synchronized (this) {
      if (env.current != invocation) {
        return;
      }
      env.current = null;
      env.timer.cancel(false);
      nanos = System.nanoTime() - env.currentStartedNanos;
    }
    end(env, invocation, nanos);
    settle(invocation, outcome);
  }

  /** The runtime reported an init error: kept for the invocation that waits for this environment. */
  void initFailed(ExecutionEnvironment env, Outcome.Failed error) {
    synchronized (this) {
      env.initError = error;
    }
    timer.schedule(env::kill, 200, TimeUnit.MILLISECONDS);
  }

  /** The child is gone: its invocation (or, when it died starting, the first waiting one) fails. */
  void exited(ExecutionEnvironment env, int exitCode) {
    env.drainLog();
    Invocation failed;
    Outcome.Failed error;
    long nanos;
    synchronized (this) {
      environments.remove(env);
      ports.close(env.port());
      failed = env.current;
      nanos = System.nanoTime() - env.currentStartedNanos;
      env.current = null;
      if (env.timer != null) {
        env.timer.cancel(false);
      }
      if (failed == null && env.initError == null && env.tookAny) {
        startWhatIsNeeded();
        return;
      }
      if (failed == null) {
        failed = waiting.poll();
      }
      error = env.initError != null ? env.initError
          : Outcome.Failed.of("Runtime.ExitError", "RequestId: " + (failed == null ? "" : failed.requestId())
              + " Error: Runtime exited with error: " + exitStatus(exitCode));
      if (!closed) {
        startWhatIsNeeded();
      }
    }
    log.accept("[" + spec.name() + "] environment " + env.number() + " exited (" + exitStatus(exitCode) + ")");
    if (failed != null) {
      if (env.initError == null) {
        line(env, failed, "RequestId: " + failed.requestId() + " Error: Runtime exited with error: " + exitStatus(exitCode));
      }
      end(env, failed, nanos);
      settle(failed, error);
    }
  }

  /** Stops every environment; waiting invocations fail. */
  void close() {
    List<ExecutionEnvironment> envs;
    List<Invocation> dropped;
    synchronized (this) {
      closed = true;
      notifyAll();
      envs = List.copyOf(environments);
      dropped = new ArrayList<>(waiting);
      waiting.clear();
      for (ExecutionEnvironment env : envs) {
        if (env.current != null) {
          dropped.add(env.current);
          env.current = null;
        }
      }
    }
    envs.forEach(ExecutionEnvironment::kill);
    for (ExecutionEnvironment env : envs) {
      try {
        if (env.process() != null) {
          env.process().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    dropped.forEach(i -> settle(i, Outcome.Failed.of("Runtime.Stopped", "the local Lambda service stopped")));
  }

  /** A line the child wrote: to the service's log, and to its running invocation's tail. */
  void childLine(ExecutionEnvironment env, String text) {
    Invocation invocation = env.current;
    if (invocation != null) {
      invocation.log().line(text);
    }
    log.accept("[" + spec.name() + "] " + text);
  }

  private void timeout(ExecutionEnvironment env, Invocation invocation) {
    long nanos;
    synchronized (this) {
      if (env.current != invocation) {
        return;
      }
      env.current = null;
      nanos = System.nanoTime() - env.currentStartedNanos;
    }
    String message = Instant.now() + " " + invocation.requestId() + " Task timed out after "
        + String.format(Locale.ROOT, "%.2f", (double) spec.timeoutSeconds()) + " seconds";
    line(env, invocation, message);
    end(env, invocation, nanos);
    settle(invocation, Outcome.Failed.of(null, message));
    env.kill();
  }

  private void settle(Invocation invocation, Outcome outcome) {
    if (invocation.complete(outcome)) {
      synchronized (this) {
        inFlight--;
        if (!closed) {
          startWhatIsNeeded();
        }
      }
    }
  }

  private void startWhatIsNeeded() {
    long free = environments.stream().filter(e -> e.current == null).count();
    while (waiting.size() > free && environments.size() < spec.concurrency()) {
      try {
        environments.add(startEnvironment());
        free++;
      } catch (IOException e) {
        Invocation failed = waiting.poll();
        log.accept("[" + spec.name() + "] cannot start an environment: " + e.getMessage());
        if (failed != null) {
          timer.execute(() -> settle(failed, Outcome.Failed.of("Runtime.StartError", "cannot start the runtime: " + e.getMessage())));
        }
      }
    }
  }

  private ExecutionEnvironment startEnvironment() throws IOException {
    int port = ports.open(this);
    ExecutionEnvironment env = new ExecutionEnvironment(this, ++started, port);
    ports.bind(port, env);
    Process process;
    try {
      process = launcher.start("127.0.0.1:" + port);
    } catch (IOException e) {
      ports.close(port);
      throw e;
    }
    env.attach(process);
    process.onExit().thenRunAsync(() -> exited(env, process.exitValue()), timer);
    return env;
  }

  private void end(ExecutionEnvironment env, Invocation invocation, long nanos) {
    line(env, invocation, "END RequestId: " + invocation.requestId());
    line(env, invocation, "REPORT RequestId: " + invocation.requestId() + "\tDuration: "
        + String.format(Locale.ROOT, "%.2f", nanos / 1e6) + " ms\tMemory Size: " + spec.memoryMb() + " MB");
  }

  private void line(ExecutionEnvironment env, String text) {
    childLine(env, text);
  }

  private void line(ExecutionEnvironment env, Invocation invocation, String text) {
    invocation.log().line(text);
    log.accept("[" + spec.name() + "] " + text);
  }

  private static String exitStatus(int code) {
    return code == 137 ? "signal: killed" : code > 128 ? "signal: " + (code - 128) : "exit status " + code;
  }
}
