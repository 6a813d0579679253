package dev.s3batch.tools.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.s3batch.handler.S3BatchHandler;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The Lambda {@link Context} of a local invocation: a request id, the function's timeout as the
 * remaining time (counted down from construction), and a logger that writes lines to a sink, or,
 * with no sink, {@link S3BatchHandler#NO_LOG}: the handler then makes no log lines.
 */
public final class LocalContext implements Context {

  /** A version-4 UUID from {@link ThreadLocalRandom} (see {@link EventWriter#randomId()}: it guards nothing). */
  private final String requestId = randomUuid();
  private final long deadlineNanos;
  private final int timeoutMillis;
  private final LambdaLogger logger;

  /**
   * @param timeoutMillis the function's timeout
   * @param log where log lines go (without their trailing newline), or null to drop them
   */
  public LocalContext(int timeoutMillis, Consumer<String> log) {
    this.timeoutMillis = timeoutMillis;
    this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
    this.logger = log == null ? S3BatchHandler.NO_LOG : new LambdaLogger() {
      @Override
      public void log(String message) {
        log.accept(message.endsWith("\n") ? message.substring(0, message.length() - 1) : message);
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/s3batch-local";
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return "s3batch-local";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:000000000000:function:s3batch-local";
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
  public int getRemainingTimeInMillis() {
    long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  /** The timeout this context started with. */
  public int timeoutMillis() {
    return timeoutMillis;
  }

  /** A random (version 4, IETF variant) UUID, as {@link UUID#randomUUID()} makes, from a fast generator. */
  static String randomUuid() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long high = (r.nextLong() & ~0xF000L) | 0x4000L;
    long low = (r.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }
}
