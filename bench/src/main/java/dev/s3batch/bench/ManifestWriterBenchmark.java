package dev.s3batch.bench;

import dev.s3batch.tools.manifest.ManifestWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link ManifestWriter} on one thread: each operation is one {@code row("my-bucket", key, null)},
 * with everything the writer does per row (bucket check, key encoding, field-length check, the
 * version-column rule, buffering) into a writer that discards; the score is keys (rows) per
 * second (goal: at least 5 million). The 1,024 keys of 20 to 100 characters are
 * {@link KeyEncoderBenchmark}'s seeded mix: plain ASCII paths, keys with spaces, commas and
 * {@code +}, and non-ASCII ones (accents, CJK, emoji).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ManifestWriterBenchmark {

  private static final int KEYS = KeyEncoderBenchmark.KEYS;

  private String[] keys;
  private ManifestWriter writer;

  /** Makes the key set (seeded, the same every run) and the writer. */
  @Setup
  public void setUp() {
    keys = KeyEncoderBenchmark.keys(new SplittableRandom(20241121L), KEYS);
    writer = new ManifestWriter(Writer.nullWriter());
  }

  /** Flushes the writer. */
  @TearDown
  public void tearDown() throws IOException {
    writer.finish();
  }

  /** One manifest row per key. */
  @Benchmark
  @OperationsPerInvocation(KEYS)
  public long rows() {
    ManifestWriter w = writer;
    for (String key : keys) {
      w.row("my-bucket", key, null);
    }
    return w.rows();
  }
}
