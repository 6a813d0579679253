package dev.s3batch.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Scores per CPU-second instead of per wall-second, for machines shared with other work (a build
 * host, CI): JMH's scores count wall time, so a benchmark that gets a quarter of a core scores a
 * quarter. This profiler reads the forked JVM's CPU time around each iteration and reports
 * <ul>
 *   <li>{@code ·cpu.share}: CPU-seconds the fork used per wall-second (about 1 for one thread
 *       on an idle machine; JIT and GC threads count too, so the normalised score is on the
 *       low side);
 *   <li>{@code ·cpu.normalised}: the primary score as if the fork had used one full core per
 *       thread (throughput times wall/CPU; average time times CPU/wall).
 * </ul>
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar KeyEncoderBenchmark -prof dev.s3batch.bench.CpuTimeProfiler
 * }</pre>
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private long wallStart;
  private long cpuStart;

  @Override
  public String getDescription() {
    return "scores per CPU-second of the forked JVM, for shared machines";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    wallStart = System.nanoTime();
    cpuStart = processCpuNanos();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    double wall = System.nanoTime() - wallStart;
    double cpu = processCpuNanos() - cpuStart;
    if (wall <= 0 || cpu <= 0) {
      return List.of();
    }
    int threads = benchmarkParams.getThreads();
    double share = cpu / wall;
    double perCore = share / threads;
    Result<?> primary = result.getPrimaryResult();
    Mode mode = benchmarkParams.getMode();
    double normalised =
        mode == Mode.Throughput ? primary.getScore() / perCore : primary.getScore() * perCore;
    return List.of(
        new ScalarResult("·cpu.share", share, "cpu-s/s", AggregationPolicy.AVG),
        new ScalarResult("·cpu.normalised", normalised, primary.getScoreUnit(), AggregationPolicy.AVG));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
