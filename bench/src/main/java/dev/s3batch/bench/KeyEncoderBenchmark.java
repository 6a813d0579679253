package dev.s3batch.bench;

import dev.s3batch.tools.manifest.KeyEncoder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Manifest writing speed on one thread: each operation is one key of 20 to 100 characters
 * encoded and appended as the CSV row {@code bucket,encodedKey\n}, so the score is keys per
 * second (goal: at least 5 million). The keys are a fixed, seeded mix: 60% plain ASCII paths,
 * 25% with spaces, commas and {@code +}, 15% non-ASCII (accents, CJK, emoji).
 *
 * <ul>
 *   <li>{@code rowsToStringBuilder}: rows appended to one reusable {@link StringBuilder}.
 *   <li>{@code rowsToWriter}: rows written through a 64 KiB {@link BufferedWriter} (to a writer
 *       that discards), as a manifest file writer does.
 *   <li>{@code encodeOnly}: {@link KeyEncoder#encode(String)} returning a new string per key.
 *   <li>{@code urlEncoderBaseline}: {@link URLEncoder} plus the fix-ups a manifest needs, for
 *       comparison only.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyEncoderBenchmark {

  static final int KEYS = 1024;
  private static final String BUCKET = "amzn-s3-demo-bucket";

  private String[] keys;
  private StringBuilder rows;
  private char[] chunk;
  private Writer writer;

  /** Makes the key set (seeded, the same every run) and the reusable buffers. */
  @Setup
  public void setUp() {
    keys = keys(new SplittableRandom(20241121L), KEYS);
    rows = new StringBuilder(KEYS * 200);
    chunk = new char[4096];
    writer = new BufferedWriter(Writer.nullWriter(), 64 * 1024);
  }

  /** Flushes the writer. */
  @TearDown
  public void tearDown() throws IOException {
    writer.close();
  }

  /** One CSV row per key into a reusable StringBuilder. */
  @Benchmark
  @OperationsPerInvocation(KEYS)
  public int rowsToStringBuilder() {
    StringBuilder sb = rows;
    sb.setLength(0);
    for (String key : keys) {
      sb.append(BUCKET).append(',');
      KeyEncoder.encodeTo(key, sb);
      sb.append('\n');
    }
    return sb.length();
  }

  /** One CSV row per key through a buffered Writer. */
  @Benchmark
  @OperationsPerInvocation(KEYS)
  public int rowsToWriter() throws IOException {
    StringBuilder sb = rows;
    int written = 0;
    for (String key : keys) {
      sb.setLength(0);
      sb.append(BUCKET).append(',');
      KeyEncoder.encodeTo(key, sb);
      sb.append('\n');
      int n = sb.length();
      if (n > chunk.length) {
        chunk = new char[n * 2];
      }
      sb.getChars(0, n, chunk, 0);
      writer.write(chunk, 0, n);
      written += n;
    }
    return written;
  }

  /** {@code encode(String)} alone. */
  @Benchmark
  @OperationsPerInvocation(KEYS)
  public int encodeOnly() {
    int total = 0;
    for (String key : keys) {
      total += KeyEncoder.encode(key).length();
    }
    return total;
  }

  /** URLEncoder with the manifest fix-ups, for comparison. */
  @Benchmark
  @OperationsPerInvocation(KEYS)
  public int urlEncoderBaseline() {
    int total = 0;
    for (String key : keys) {
      total += URLEncoder.encode(key, StandardCharsets.UTF_8)
          .replace("+", "%20").replace("*", "%2A").replace("%7E", "~").replace("%2F", "/").length();
    }
    return total;
  }

  /** The seeded key mix. */
  static String[] keys(SplittableRandom random, int count) {
    String[] words = {"photos", "2024", "invoices", "logs", "data", "archive", "img_0042", "report-final",
        "backup", "v2", "user_123", "thumbnails", "raw", "export"};
    String[] odd = {"my photo", "a+b", "q1,q2", "c++ notes", "x (copy)", "50% off", "Tom & Jerry"};
    String[] foreign = {"café", "naïve", "über", "日本語", "ファイル", "Ελληνικά", "😀", "résumé"};
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(100);
      int target = random.nextInt(20, 101);
      StringBuilder sb = new StringBuilder();
      while (sb.length() < target) {
        String[] pool = kind < 60 ? words : kind < 85 && random.nextInt(3) == 0 ? odd
            : kind >= 85 && random.nextInt(3) == 0 ? foreign : words;
        sb.append(pool[random.nextInt(pool.length)]).append(random.nextInt(4) == 0 ? '.' : '/');
      }
      sb.setLength(target);
      if (Character.isHighSurrogate(sb.charAt(target - 1))) {
        sb.setCharAt(target - 1, 'x');
      }
      out[i] = sb.toString();
    }
    return out;
  }
}
