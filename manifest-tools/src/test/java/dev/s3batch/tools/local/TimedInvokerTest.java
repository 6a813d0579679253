package dev.s3batch.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimedInvokerTest {

  @Test
  void invoke_manyInvocationsEndBeforeTheirTimeout_timerHoldsNoDeadline() throws Exception {
    byte[] event = "{}".getBytes(StandardCharsets.UTF_8);
    try (TimedInvoker invoker = new TimedInvoker(
        (in, out, context) -> out.write("{}".getBytes(StandardCharsets.UTF_8)), 900_000, line -> {})) {
      List<CompletableFuture<InvocationOutcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        outcomes.add(invoker.invoke(event, "task-" + i));
      }
      CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      // a deadline is cancelled as its invocation ends (whenComplete): it must leave the timer's queue with it,
      // else 900 s of tasks' deadlines, and the outcomes they hold, stay in memory
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (invoker.scheduled() > 0 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(invoker.scheduled()).isZero();
      assertThat(outcomes).allSatisfy(o -> assertThat(o.get()).isNotNull());
    }
  }
}
