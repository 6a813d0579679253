package dev.s3batch.tools.lambdaclient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * One call of Lambda's Invoke API, synchronous ({@code RequestResponse}) as S3 Batch Operations
 * invokes, or {@code DryRun} (which checks the function and the caller's permission without
 * running it). Thread-safe: the client is.
 *
 * <pre>{@code
 * LambdaInvoke lambda = new LambdaInvoke(client, FunctionRef.of("s3batch", null));
 * LambdaInvoke.Answer answer = lambda.invoke(eventBytes, true);
 * answer.payload(); answer.functionError(); answer.logTail();
 * }</pre>
 */
public final class LambdaInvoke {

  private final LambdaClient client;
  private final FunctionRef function;

  /**
   * The answer of a synchronous invocation.
   *
   * @param payload the response payload (Lambda's error payload on a function error)
   * @param functionError {@code X-Amz-Function-Error} ({@code Unhandled}), or null when the function answered
   * @param logTail the decoded {@code X-Amz-Log-Result} (the last 4 KB of the invocation's log), empty without Tail
   * @param executedVersion {@code X-Amz-Executed-Version}, or null
   */
  public record Answer(byte[] payload, String functionError, String logTail, String executedVersion) {
    /** The payload as text. */
    public String payloadText() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  /**
   * @param client the Lambda client (kept open by the caller)
   * @param function the function invoked
   */
  public LambdaInvoke(LambdaClient client, FunctionRef function) {
    this.client = client;
    this.function = function;
  }

  /**
   * Invokes the function with {@code event} and waits for its answer.
   *
   * @param tail asks for the invocation's log tail ({@code LogType: Tail})
   * @throws LambdaCallException when Lambda answered an error status or was not reached, after retries
   */
  public Answer invoke(byte[] event, boolean tail) {
    InvokeResponse r = call(InvocationType.REQUEST_RESPONSE, event, tail);
    String log = r.logResult() == null ? ""
        : new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
    return new Answer(r.payload() == null ? new byte[0] : r.payload().asByteArray(), r.functionError(), log,
        r.executedVersion());
  }

  /**
   * Sends {@code DryRun}: the function exists and may be invoked; nothing runs.
   *
   * @return the HTTP status (204)
   * @throws LambdaCallException otherwise
   */
  public int dryRun(byte[] event) {
    return call(InvocationType.DRY_RUN, event, false).statusCode();
  }

  /** The function invoked. */
  public FunctionRef function() {
    return function;
  }

  private InvokeResponse call(InvocationType type, byte[] event, boolean tail) {
    InvokeRequest.Builder request = InvokeRequest.builder()
        .functionName(function.name())
        .invocationType(type)
        .logType(tail ? LogType.TAIL : LogType.NONE)
        .payload(SdkBytes.fromByteArrayUnsafe(event));
    if (function.qualifier() != null) {
      request.qualifier(function.qualifier());
    }
    try {
      return client.invoke(request.build());
    } catch (SdkException e) {
      throw LambdaCallException.of(e);
    }
  }
}
