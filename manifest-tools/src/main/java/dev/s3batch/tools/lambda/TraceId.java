package dev.s3batch.tools.lambda;

import java.util.concurrent.ThreadLocalRandom;

/** An X-Ray trace header of the form Lambda hands a runtime ({@code Root=1-TIME-RANDOM;Parent=...;Sampled=0}). */
final class TraceId {

  private TraceId() {}

  static String next() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("Root=1-%08x-%012x%012x;Parent=%016x;Sampled=0", System.currentTimeMillis() / 1000,
        r.nextLong(1L << 48), r.nextLong(1L << 48), r.nextLong());
  }
}
