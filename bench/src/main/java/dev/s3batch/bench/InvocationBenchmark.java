package dev.s3batch.bench;

import dev.s3batch.handler.action.ActionRegistry;
import dev.s3batch.handler.event.BatchEvent;
import dev.s3batch.handler.event.EventReader;
import dev.s3batch.handler.internal.FailureClassifier;
import dev.s3batch.handler.internal.InvocationProcessor;
import dev.s3batch.handler.internal.KeyDecoder;
import dev.s3batch.handler.internal.KeyDecoding;
import dev.s3batch.handler.internal.MalformedKeyException;
import dev.s3batch.handler.response.BatchResponse;
import dev.s3batch.handler.response.ResponseWriter;
import dev.s3batch.handler.spi.TaskOutcome;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The handler's per-invocation work without S3: read the event bytes, decode the task's key,
 * run the action through {@link InvocationProcessor} (with its per-task log line), classify a
 * failure, and write the response bytes. Reported as throughput (ops/s) and average time
 * (µs/op).
 *
 * <ul>
 *   <li>{@code invocationSucceeded}: the whole path, the action answers Succeeded.
 *   <li>{@code invocationThrottled}: the whole path, the action throws S3's 503 SlowDown and the
 *       classifier turns it into a TemporaryFailure.
 *   <li>{@code decodeKey}, {@code classifySlowDown}: the two steps alone.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InvocationBenchmark {

  /** An encoded key with an escaped space, '+', ',' and a non-ASCII character. */
  static final String ENCODED_KEY = "photos/2024/my%20cat%2Bdog%2C%C3%BCber+1.jpg";

  private static final String EVENT =
      "{\"invocationSchemaVersion\":\"2.0\","
          + "\"invocationId\":\"YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo\","
          + "\"job\":{\"id\":\"f3cc4f60-61f6-4a2b-8a21-d07600c373ce\",\"userArguments\":{\"keyFormat\":\"auto\"}},"
          + "\"tasks\":[{\"taskId\":\"dGFza2lkZ29lc2hlcmUK\",\"s3Key\":\"" + ENCODED_KEY + "\","
          + "\"s3VersionId\":null,\"s3Bucket\":\"amzn-s3-demo-bucket\"}]}";

  private byte[] event;
  private InvocationProcessor succeeding;
  private InvocationProcessor throttled;
  private FailureClassifier classifier;
  private Exception slowDown;

  /** Builds the processors once, as a function instance does. */
  @Setup
  public void setUp() {
    event = EVENT.getBytes(StandardCharsets.UTF_8);
    ActionRegistry registry = new ActionRegistry(InvocationBenchmark.class.getClassLoader());
    succeeding = new InvocationProcessor(Map.of("S3BATCH_ACTION", BenchActions.Succeed.NAME), () -> null, registry);
    throttled = new InvocationProcessor(Map.of("S3BATCH_ACTION", BenchActions.Throttled.NAME), () -> null, registry);
    classifier = new FailureClassifier();
    slowDown = BenchActions.slowDown();
    check(succeeding, "\"resultCode\":\"Succeeded\",\"resultString\":\"visited photos/2024/my cat+dog,über 1.jpg\"");
    check(throttled, "\"resultCode\":\"TemporaryFailure\",\"resultString\":\"S3 error SlowDown");
  }

  /** Fails the run when the measured path does not do what it claims. */
  private void check(InvocationProcessor processor, String expected) {
    String response = new String(invoke(processor, line -> {}), StandardCharsets.UTF_8);
    if (!response.contains(expected)) {
      throw new IllegalStateException("expected " + expected + " in the response " + response);
    }
  }

  private byte[] invoke(InvocationProcessor processor, java.util.function.Consumer<String> log) {
    BatchEvent parsed = EventReader.read(event);
    BatchResponse response = processor.process(parsed, () -> 900_000L, log);
    return ResponseWriter.toBytes(response);
  }

  /** Event bytes in, response bytes out; the action succeeds. */
  @Benchmark
  public byte[] invocationSucceeded(Blackhole log) {
    return invoke(succeeding, log::consume);
  }

  /** Event bytes in, response bytes out; the action throws 503 SlowDown and is classified. */
  @Benchmark
  public byte[] invocationThrottled(Blackhole log) {
    return invoke(throttled, log::consume);
  }

  /** The key decoding step alone. */
  @Benchmark
  public String decodeKey() throws MalformedKeyException {
    return KeyDecoder.decode(ENCODED_KEY, KeyDecoding.PLUS_AS_SPACE);
  }

  /** The classification step alone. */
  @Benchmark
  public TaskOutcome classifySlowDown() {
    return classifier.classify(slowDown);
  }
}
