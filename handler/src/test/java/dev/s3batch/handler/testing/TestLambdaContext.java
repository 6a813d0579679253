package dev.s3batch.handler.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Lambda {@link Context} with a clock the test controls: the remaining time only changes when
 * the test (or an SDK interceptor standing in for slow work) calls {@link #advance}. Log lines are
 * kept for assertions.
 */
public final class TestLambdaContext implements Context {

  private final AtomicLong remainingMillis;
  private final boolean realTime;
  private final long startNanos = System.nanoTime();
  private final List<String> logLines = new CopyOnWriteArrayList<>();

  public TestLambdaContext(Duration remaining) {
    this(remaining, false);
  }

  private TestLambdaContext(Duration remaining, boolean realTime) {
    this.remainingMillis = new AtomicLong(remaining.toMillis());
    this.realTime = realTime;
  }

  /** A context whose remaining time also runs down with the wall clock, as Lambda's does. */
  public static TestLambdaContext realTime(Duration remaining) {
    return new TestLambdaContext(remaining, true);
  }

  /** A context with the 15 minutes of Lambda's longest timeout. */
  public static TestLambdaContext ample() {
    return new TestLambdaContext(Duration.ofMinutes(15));
  }

  /** Lets {@code elapsed} pass. */
  public void advance(Duration elapsed) {
    remainingMillis.addAndGet(-elapsed.toMillis());
  }

  /** The lines logged. */
  public List<String> logLines() {
    return List.copyOf(logLines);
  }

  @Override
  public int getRemainingTimeInMillis() {
    long elapsed = realTime ? (System.nanoTime() - startNanos) / 1_000_000 : 0;
    return (int) Math.max(0, remainingMillis.get() - elapsed);
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        logLines.add(message.strip());
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }

  @Override
  public String getAwsRequestId() {
    return "test-request";
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/s3batch-test";
  }

  @Override
  public String getLogStreamName() {
    return "test";
  }

  @Override
  public String getFunctionName() {
    return "s3batch-test";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:s3batch-test";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }
}
