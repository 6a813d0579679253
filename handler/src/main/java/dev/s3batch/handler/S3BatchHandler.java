package dev.s3batch.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.s3batch.handler.action.ActionRegistry;
import dev.s3batch.handler.event.BatchEvent;
import dev.s3batch.handler.event.EventReader;
import dev.s3batch.handler.event.InvalidEventException;
import dev.s3batch.handler.internal.EnvironmentCheck;
import dev.s3batch.handler.internal.InvocationProcessor;
import dev.s3batch.handler.internal.S3Clients;
import dev.s3batch.handler.response.ResponseWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda function S3 Batch Operations invokes: handler
 * {@code dev.s3batch.handler.S3BatchHandler::handleRequest}. It reads the invocation (schema 1.0
 * or 2.0), runs the configured action on every task, and writes the response. An event it
 * cannot answer at all fails the invocation with an {@link InvalidEventException} naming the
 * fault; anything that goes wrong within one task is that task's failure.
 *
 * <p>A {@code RequestStreamHandler}, because with {@code RequestHandler} the Java runtime
 * serialises the response with the wrong field names and S3 reports "Invalid JSON returned in
 * Lambda payload". The S3 client is built once per instance, when the instance is created.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-invoke-lambda.html">Invoking
 *     an AWS Lambda function from S3 Batch Operations</a>
 */
public final class S3BatchHandler implements RequestStreamHandler {

  /**
   * A logger that drops every line. A host that keeps no function log ({@code s3batch job
   * run-local} without {@code --log}) gives a {@link Context} whose {@code getLogger()} is this
   * one, and the handler then does not make its per-task log lines at all. Lambda's own logger is
   * never this one.
   */
  public static final LambdaLogger NO_LOG = new LambdaLogger() {
    @Override
    public void log(String message) {}

    @Override
    public void log(byte[] message) {}
  };

  private final InvocationProcessor processor;

  /** The constructor the Lambda runtime calls: configuration from the process environment. */
  public S3BatchHandler() {
    this(System.getenv());
  }

  /**
   * A handler configured by {@code environment} instead of the process environment. The S3 client
   * is built here, in Lambda's init phase (full CPU, and captured by SnapStart), since the first
   * task needs it anyway.
   *
   * @throws InvalidConfigurationException when {@code environment} holds an {@code S3BATCH_}
   *     variable that neither the toolkit nor any registered action declares
   */
  public S3BatchHandler(Map<String, String> environment) {
    this(environment, new ActionRegistry(), null);
  }

  /**
   * A handler with the given environment and S3 client (the caller keeps ownership of the client).
   *
   * @throws InvalidConfigurationException as {@link #S3BatchHandler(Map)}
   */
  public S3BatchHandler(Map<String, String> environment, Supplier<S3Client> s3) {
    this(environment, s3, new ActionRegistry());
  }

  /**
   * A handler that finds actions in {@code registry}, e.g. one whose class loader holds a jar of
   * user actions: {@code new ActionRegistry(new URLClassLoader(new URL[] {jar}, parent))}.
   *
   * @throws InvalidConfigurationException as {@link #S3BatchHandler(Map)}; the settings that the
   *     registry's actions declare are known
   */
  public S3BatchHandler(Map<String, String> environment, Supplier<S3Client> s3, ActionRegistry registry) {
    this(environment, registry, Objects.requireNonNull(s3, "s3"));
  }

  /** Checks the environment first, so that a mistyped variable fails before the client is built. */
  private S3BatchHandler(Map<String, String> environment, ActionRegistry registry, Supplier<S3Client> s3) {
    EnvironmentCheck.check(environment, registry);
    Supplier<S3Client> client = s3 != null ? s3 : constant(S3Clients.fromEnvironment(environment));
    this.processor = new InvocationProcessor(environment, client, registry);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    BatchEvent event = EventReader.read(input);
    Consumer<String> log = context != null && context.getLogger() == NO_LOG ? null : line -> logLine(context, line);
    ResponseWriter.write(processor.process(event, () -> remainingMillis(context), log), output);
    output.flush();
  }

  private static long remainingMillis(Context context) {
    return context == null ? Long.MAX_VALUE / 2 : context.getRemainingTimeInMillis();
  }

  private static void logLine(Context context, String line) {
    if (context != null && context.getLogger() != null) {
      context.getLogger().log(line + "\n");
    } else {
      System.out.println(line);
    }
  }

  private static <T> Supplier<T> constant(T value) {
    return () -> value;
  }
}
