package dev.s3batch.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TimedInvokerTest {

  private static final byte[] EVENT = "{}".getBytes(StandardCharsets.UTF_8);

  @Test
  void invoke_manyInvocationsEndBeforeTheirTimeout_timerHoldsNoDeadline() throws Exception {
    try (TimedInvoker invoker = new TimedInvoker(
        (in, out, context) -> out.write("{}".getBytes(StandardCharsets.UTF_8)), 900_000, line -> {})) {
      List<CompletableFuture<List<InvocationOutcome>>> callers = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int caller = c;
        callers.add(CompletableFuture.supplyAsync(() -> {
          List<InvocationOutcome> outcomes = new ArrayList<>();
          for (int i = 0; i < 500; i++) {
            outcomes.add(invoker.invoke(EVENT, "task-" + caller + "-" + i, late -> {
              throw new AssertionError("no invocation ran past its timeout");
            }));
          }
          return outcomes;
        }));
      }
      for (CompletableFuture<List<InvocationOutcome>> caller : callers) {
        assertThat(caller.get(60, TimeUnit.SECONDS)).hasSize(500).doesNotContainNull();
      }
      // a deadline is cancelled as its invocation ends: it must leave the timer's queue with it,
      // else 900 s of tasks' deadlines, and what they hold, stay in memory
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (invoker.scheduled() > 0 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(invoker.scheduled()).isZero();
    }
  }

  @Test
  void invoke_handlerIgnoresTheInterrupt_overtimeGetsLambdasTimeoutOnAnotherThreadAndTheCallReturnsNull()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Boolean> interrupted = new AtomicReference<>();
    try (TimedInvoker invoker = new TimedInvoker((in, out, context) -> {
      boolean seen = false;
      while (release.getCount() > 0) {
        try {
          release.await();
        } catch (InterruptedException e) {
          seen = true; // a frozen sandbox's code does not stop for it
        }
      }
      interrupted.set(seen);
      out.write("{}".getBytes(StandardCharsets.UTF_8));
    }, 300, line -> {})) {
      CompletableFuture<InvocationOutcome> late = new CompletableFuture<>();
      AtomicReference<Thread> lateThread = new AtomicReference<>();
      CompletableFuture<String> callerAfter = new CompletableFuture<>();
      Thread caller = new Thread(() -> {
        InvocationOutcome outcome = invoker.invoke(EVENT, "task-1", o -> {
          lateThread.set(Thread.currentThread());
          late.complete(o);
        });
        callerAfter.complete("outcome " + outcome + ", interrupted " + Thread.currentThread().isInterrupted());
      });
      caller.start();
      InvocationOutcome timedOut = late.get(10, TimeUnit.SECONDS);
      assertThat(timedOut).isInstanceOf(InvocationOutcome.FunctionError.class);
      assertThat(timedOut.row("b", "k", "").toCsv()).contains("Task timed out after 0.30 seconds");
      assertThat(lateThread.get()).isNotSameAs(caller);
      assertThat(caller.isAlive()).isTrue(); // still in the handler
      release.countDown();
      caller.join(10_000);
      assertThat(interrupted.get()).isTrue();
      // the call returned null (its outcome went to overtime), and no interrupt outlived it
      assertThat(callerAfter.get()).isEqualTo("outcome null, interrupted false");
      assertThat(caller.isAlive()).isFalse();
    }
  }
}
