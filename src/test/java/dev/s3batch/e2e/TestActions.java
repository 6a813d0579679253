package dev.s3batch.e2e;

import dev.s3batch.handler.spi.ActionProvider;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.TaskOutcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test actions registered with ServiceLoader on the test classpath, for the redrive tests. */
public final class TestActions {

  /** Attempts per bucket/key, across function instances of this JVM. */
  static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

  private TestActions() {}

  private static int attempt(dev.s3batch.handler.spi.ObjectTask task) {
    return ATTEMPTS.computeIfAbsent(task.bucket() + "/" + task.key(), k -> new AtomicInteger()).incrementAndGet();
  }

  /** {@code flaky-twice}: TemporaryFailure on the first two attempts of each object, then Succeeded. */
  public static final class FlakyTwice implements ActionProvider {
    @Override
    public String name() {
      return "flaky-twice";
    }

    @Override
    public ObjectAction create() {
      return (task, context) -> {
        int n = attempt(task);
        return n <= 2 ? TaskOutcome.temporaryFailure("SlowDown on attempt " + n, "SlowDown")
            : TaskOutcome.succeeded("done on attempt " + n);
      };
    }
  }

  /** {@code always-temporary}: TemporaryFailure on every attempt, naming the attempt. */
  public static final class AlwaysTemporary implements ActionProvider {
    @Override
    public String name() {
      return "always-temporary";
    }

    @Override
    public ObjectAction create() {
      return (task, context) -> TaskOutcome.temporaryFailure("still busy, attempt " + attempt(task), "SlowDown");
    }
  }
}
