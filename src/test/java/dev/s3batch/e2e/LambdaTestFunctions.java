package dev.s3batch.e2e;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small functions for {@code lambda serve}'s tests, run by AWS's runtime interface client from the
 * test classes folder as task root ({@code dev.s3batch.e2e.LambdaTestFunctions::echo}). Each
 * logs one line naming its request id, so a test can find it in the Tail of that invocation.
 */
public class LambdaTestFunctions {

  /** Answers the payload unchanged. */
  public void echo(InputStream in, OutputStream out, Context context) throws IOException {
    byte[] payload = in.readAllBytes();
    System.out.println("echo function ran request " + context.getAwsRequestId());
    out.write(payload);
  }

  /** Answers what Lambda told it: its request id, ARN, remaining time, client context, environment. */
  public void context(InputStream in, OutputStream out, Context context) throws IOException {
    String custom = context.getClientContext() == null ? "null"
        : String.valueOf(context.getClientContext().getCustom());
    String json = "{\"requestId\":\"" + context.getAwsRequestId() + "\",\"arn\":\"" + context.getInvokedFunctionArn()
        + "\",\"remainingMs\":" + context.getRemainingTimeInMillis()
        + ",\"memory\":" + context.getMemoryLimitInMB()
        + ",\"functionName\":\"" + context.getFunctionName() + "\""
        + ",\"logGroup\":\"" + context.getLogGroupName() + "\""
        + ",\"custom\":\"" + custom.replace("\"", "'") + "\""
        + ",\"maxHeapMb\":" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + ",\"region\":\"" + System.getenv("AWS_REGION") + "\""
        + ",\"greeting\":\"" + System.getenv("GREETING") + "\"}";
    out.write(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Given a number N, answers a JSON string of N bytes in all (quotes included). */
  public void big(InputStream in, OutputStream out, Context context) throws IOException {
    int size = Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
    byte[] answer = new byte[size];
    java.util.Arrays.fill(answer, (byte) 'a');
    answer[0] = '"';
    answer[size - 1] = '"';
    out.write(answer);
  }

  /** Throws, as a function error. */
  public void fail(InputStream in, OutputStream out, Context context) {
    System.out.println("fail function ran request " + context.getAwsRequestId());
    throw new IllegalStateException("deliberate failure for " + context.getAwsRequestId());
  }

  /** Sleeps as many milliseconds as the payload says, then answers {@code {"slept": N}}. */
  public void sleep(InputStream in, OutputStream out, Context context) throws IOException, InterruptedException {
    long millis = Long.parseLong(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
    System.out.println("sleep function sleeps " + millis + " ms in request " + context.getAwsRequestId());
    Thread.sleep(millis);
    out.write(("{\"slept\":" + millis + "}").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Given {@code {"id":N,"ms":M,...}}, logs that it ran id N, sleeps M milliseconds and answers the
   * payload unchanged: a function that takes a moment, whose every answer names its request.
   */
  public void slowEcho(InputStream in, OutputStream out, Context context) throws IOException, InterruptedException {
    byte[] payload = in.readAllBytes();
    String text = new String(payload, StandardCharsets.UTF_8);
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(text);
    Matcher ms = Pattern.compile("\"ms\":(\\d+)").matcher(text);
    System.out.println("slow echo ran id " + (id.find() ? id.group(1) : "?") + " in request " + context.getAwsRequestId());
    Thread.sleep(ms.find() ? Long.parseLong(ms.group(1)) : 0);
    out.write(payload);
  }

  /** Given {@code "exit"}, ends its JVM with exit code 3 mid-invocation; otherwise answers the payload. */
  public void exit(InputStream in, OutputStream out, Context context) throws IOException {
    byte[] payload = in.readAllBytes();
    if (new String(payload, StandardCharsets.UTF_8).equals("\"exit\"")) {
      System.out.println("exit function ends its runtime in request " + context.getAwsRequestId());
      System.out.flush();
      Runtime.getRuntime().halt(3);
    }
    out.write(payload);
  }
}
