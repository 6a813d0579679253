package dev.s3batch.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Faults by chance, for soak runs: each request a {@link FaultProxy} receives is broken with
 * probability {@code rate}, by a kind drawn evenly from those that fit it (an error inside a 200
 * only for the three operations S3 answers that way). Counts what it injected, by kind. The
 * draws come from a seeded generator, but which request meets which draw depends on the order
 * the connections' threads arrive in.
 *
 * <pre>{@code
 * FaultMix mix = new FaultMix(42, 0.2, Duration.ofMillis(200));
 * proxy.injectEach(mix);
 * ... run the job ...
 * mix.pause();
 * System.out.println(mix.injected()); // {SLOW_DOWN=412, INTERNAL_ERROR=398, ...}
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FaultMix implements Function<RecordedRequest, Fault> {

  /** What a fault of the mix does. */
  public enum Kind {
    /** 503 SlowDown. */
    SLOW_DOWN,
    /** 500 InternalError. */
    INTERNAL_ERROR,
    /** The connection reset before any answer. */
    RESET,
    /** The connection closed before any status line, the request not forwarded. */
    CLOSED,
    /** The request carried out by S3, its answer lost (closed before any status line). */
    ANSWER_LOST,
    /** 200 with an {@code <Error>} body (CopyObject, UploadPartCopy, CompleteMultipartUpload only). */
    ERROR_IN_200,
    /** The request held, then forwarded. */
    SLOW
  }

  /** The operations S3 may answer with an error inside a 200. */
  public static final Set<String> ERROR_IN_200_OPERATIONS =
      Set.of("CopyObject", "UploadPartCopy", "CompleteMultipartUpload");

  private final SplittableRandom random;
  private final double rate;
  private final Duration slow;
  private final Map<Kind, AtomicLong> injected = new EnumMap<>(Kind.class);
  private final AtomicLong seen = new AtomicLong();
  private volatile boolean paused;

  /**
   * @param seed the generator's seed
   * @param rate the share of requests broken, 0 to 1
   * @param slow how long a {@link Kind#SLOW} request is held
   */
  public FaultMix(long seed, double rate, Duration slow) {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("rate must be 0 to 1, not " + rate);
    }
    this.random = new SplittableRandom(seed);
    this.rate = rate;
    this.slow = slow;
    for (Kind k : Kind.values()) {
      injected.put(k, new AtomicLong());
    }
  }

  @Override
  public Fault apply(RecordedRequest request) {
    if (paused) {
      return null;
    }
    seen.incrementAndGet();
    List<Kind> fit = new ArrayList<>(List.of(Kind.values()));
    if (!ERROR_IN_200_OPERATIONS.contains(request.operation())) {
      fit.remove(Kind.ERROR_IN_200);
    }
    Kind kind;
    synchronized (random) {
      if (random.nextDouble() >= rate) {
        return null;
      }
      kind = fit.get(random.nextInt(fit.size()));
    }
    injected.get(kind).incrementAndGet();
    return switch (kind) {
      case SLOW_DOWN -> Fault.slowDown();
      case INTERNAL_ERROR -> Fault.internalError();
      case RESET -> Fault.reset();
      case CLOSED -> Fault.closed();
      case ANSWER_LOST -> Fault.answerLost();
      case ERROR_IN_200 -> Fault.errorIn200();
      case SLOW -> Fault.delay(slow);
    };
  }

  /** Stops breaking requests (for a clean rerun, or the checks after a run). */
  public void pause() {
    paused = true;
  }

  /** Breaks requests again. */
  public void resume() {
    paused = false;
  }

  /** The requests the mix was asked about while not paused. */
  public long requests() {
    return seen.get();
  }

  /** The faults injected so far, by kind (every kind listed). */
  public Map<Kind, Long> injected() {
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    injected.forEach((k, v) -> counts.put(k, v.get()));
    return Collections.unmodifiableMap(counts);
  }

  /** The faults injected so far, in all. */
  public long total() {
    return injected.values().stream().mapToLong(AtomicLong::get).sum();
  }
}
