package dev.s3batch.tools.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Invokes a {@link RequestStreamHandler} as Lambda does, on the calling thread, with the
 * function's timeout: when it passes, the invocation is reported as Lambda reports a timeout
 * ({@code {"errorMessage":"<time> <request id> Task timed out after 3.00 seconds"}}) to the
 * caller's {@code overtime}, on a new thread, and the calling thread is interrupted (a handler that
 * ignores the interrupt runs on, unseen, as a frozen Lambda sandbox would; the caller's work goes on
 * in the new thread). Thread-safe; {@link #close()} stops the timer thread.
 */
public final class TimedInvoker implements BatchFunction {

  /** Built on first use: most runs never need it, and building it loads databind (a tenth of a second). */
  private static final class Lazy {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
  private static final java.time.format.DateTimeFormatter MILLIS =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

  private final RequestStreamHandler handler;
  private final long timeoutMillis;
  private final Consumer<String> log;
  private final ThreadFactory overtimeThreads = daemon("s3batch-function-overtime-");
  private final ScheduledThreadPoolExecutor timer = timer();

  /**
   * @param handler the function
   * @param timeoutMillis the function's timeout
   * @param log where the function's log lines go, or null for nowhere (see {@link LocalContext})
   */
  public TimedInvoker(RequestStreamHandler handler, long timeoutMillis, Consumer<String> log) {
    this.handler = handler;
    this.timeoutMillis = timeoutMillis;
    this.log = log;
  }

  /** One invocation's end: taken once, by the handler's return or by its deadline, each holding its lock. */
  private static final class Claim {
    private boolean taken;

    boolean take() {
      boolean first = !taken;
      taken = true;
      return first;
    }
  }

  @Override
  public InvocationOutcome invoke(byte[] event, String taskId, Consumer<InvocationOutcome> overtime) {
    LocalContext context = new LocalContext((int) timeoutMillis, log);
    Thread caller = Thread.currentThread();
    Claim claim = new Claim();
    ScheduledFuture<?> deadline =
        timer.schedule(
            () -> {
              InvocationOutcome late;
              synchronized (claim) {
                if (!claim.take()) {
                  return;
                }
                late = new InvocationOutcome.FunctionError(timedOut(context.getAwsRequestId()));
                caller.interrupt();
              }
              overtimeThreads.newThread(() -> overtime.accept(late)).start();
            },
            timeoutMillis, TimeUnit.MILLISECONDS);
    InvocationOutcome outcome;
    try {
      outcome = ResponseParser.parse(LocalInvoker.invoke(handler, event, context), taskId);
    } catch (Throwable e) {
      outcome = new InvocationOutcome.FunctionError(LocalInvoker.errorPayload(e));
    }
    synchronized (claim) {
      if (!claim.take()) {
        Thread.interrupted(); // the deadline's interrupt, given under this lock: it does not outlive the call
        return null;
      }
    }
    deadline.cancel(false);
    return outcome;
  }

  /** Lambda's payload for an invocation that ran past its timeout. */
  String timedOut(String requestId) {
    String message = MILLIS.format(Instant.now()) + " " + requestId + " Task timed out after "
        + String.format(Locale.ROOT, "%.2f", timeoutMillis / 1000.0) + " seconds";
    return Lazy.MAPPER.createObjectNode().put("errorMessage", message).toString();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /**
   * The timer of deadlines. A deadline cancelled when its invocation ends leaves the
   * queue at once: otherwise every task's deadline (and the outcome it holds) stayed there for the
   * function's timeout, up to 900 s of tasks, and memory grew with the job.
   */
  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("s3batch-timer-"));
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /** Deadlines waiting on the timer (for tests: none once every invocation ended). */
  int scheduled() {
    return timer.getQueue().size();
  }

  /** Daemon threads named {@code prefix} and a number from 1. */
  static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
