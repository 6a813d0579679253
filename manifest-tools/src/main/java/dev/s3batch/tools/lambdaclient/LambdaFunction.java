package dev.s3batch.tools.lambdaclient;

import dev.s3batch.tools.local.BatchFunction;
import dev.s3batch.tools.local.InvocationOutcome;
import dev.s3batch.tools.local.LocalInvoker;
import dev.s3batch.tools.local.ResponseParser;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A local job's function reached through Lambda's Invoke API, answered as S3 Batch Operations
 * reads Lambda: the payload is the function's response ({@link ResponseParser}); a function error
 * (a thrown exception, a timeout: {@code X-Amz-Function-Error}) is a
 * {@code Lambda returned function error: <payload>} row with the payload Lambda sent; throttling and
 * service errors were retried by the client ({@link LambdaRetry}), and one that outlasts the
 * retries, or another error status, is an {@link InvocationOutcome.InvokeFailed} row naming it.
 * With a log, each invocation asks for its log tail ({@code LogType: Tail}) and writes its lines
 * there. Lambda keeps the function's timeout itself, and answers a timeout as a function error, so
 * {@code overtime} is never called here. Thread-safe; the client is the caller's to close.
 */
public final class LambdaFunction implements BatchFunction {

  private final LambdaInvoke lambda;
  private final Consumer<String> log;

  /**
   * @param client the Lambda client
   * @param function the function
   * @param log where the invocations' log tails go, or null to ask for none
   */
  public LambdaFunction(LambdaClient client, FunctionRef function, Consumer<String> log) {
    this.lambda = new LambdaInvoke(client, function);
    this.log = log;
  }

  @Override
  public InvocationOutcome invoke(byte[] event, String taskId, Consumer<InvocationOutcome> overtime) {
    LambdaInvoke.Answer answer;
    try {
      answer = lambda.invoke(event, log != null);
    } catch (LambdaCallException e) {
      return new InvocationOutcome.InvokeFailed(e.httpStatus(), e.errorCode(), e.getMessage());
    } catch (RuntimeException e) {
      return new InvocationOutcome.InvokeFailed("", LambdaCallException.UNREACHABLE, "the Invoke call failed: " + e);
    }
    if (log != null && !answer.logTail().isEmpty()) {
      answer.logTail().lines().forEach(log);
    }
    if (answer.functionError() != null) {
      return new InvocationOutcome.FunctionError(new String(answer.payload(), StandardCharsets.UTF_8));
    }
    return ResponseParser.parse(new LocalInvoker.Invocation(answer.payload(), null), taskId);
  }

  @Override
  public void close() {}
}
