package dev.s3batch.testkit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts a fuzz target's executions, so that a run's figures can be read from the test output
 * (Jazzer's JUnit runner prints neither the total nor the rate):
 * {@code fuzz: HandlerFuzzTest 10000000 executions in 1234.5 s (8103/s)}.
 *
 * <pre>{@code
 * private static final FuzzCount COUNT = FuzzCount.of("HandlerFuzzTest");
 * @FuzzTest void target(byte[] input) { COUNT.add(); ... }
 * @AfterAll static void report() { System.out.println(COUNT.summary()); }
 * }</pre>
 */
public final class FuzzCount {

  private final String name;
  private final AtomicLong executions = new AtomicLong();
  private final long start = System.nanoTime();

  private FuzzCount(String name) {
    this.name = name;
  }

  /** A counter, started now. */
  public static FuzzCount of(String name) {
    return new FuzzCount(name);
  }

  /** Counts one execution. */
  public void add() {
    executions.incrementAndGet();
  }

  /** The executions so far. */
  public long executions() {
    return executions.get();
  }

  /** {@code fuzz: NAME N executions in S s (R/s)}. */
  public String summary() {
    double seconds = (System.nanoTime() - start) / 1e9;
    long n = executions.get();
    return String.format(java.util.Locale.ROOT, "fuzz: %s %d executions in %.1f s (%.0f/s)", name, n, seconds,
        seconds > 0 ? n / seconds : 0.0);
  }
}
