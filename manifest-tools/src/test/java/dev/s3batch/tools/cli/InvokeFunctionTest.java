package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.tools.lambdaclient.FakeLambdaEndpoint;
import dev.s3batch.tools.lambdaclient.FakeLambdaEndpoint.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code s3batch invoke --function}: the real SDK client against a local Invoke endpoint. */
class InvokeFunctionTest {

  private static CliRun invoke(FakeLambdaEndpoint lambda, String... more) {
    String[] base = {"invoke", "--bucket", "b1", "--key", "photos/a b.jpg", "--lambda-endpoint-url",
        lambda.endpoint().toString()};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
  }

  @Test
  void invoke_function_sendsTheEventWithTailAndPrintsResponseAndDecodedLog() throws Exception {
    String log = "START RequestId: r1\n{\"level\":\"INFO\",\"key\":\"photos/a b.jpg\"}\nEND RequestId: r1\n";
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(r -> {
      Reply ok = FakeLambdaEndpoint.answer(r, "Succeeded", "done");
      return new Reply(200, Map.of("X-Amz-Log-Result",
          Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8))), ok.body());
    })) {
      CliRun run = invoke(lambda, "--function", "s3batch", "--qualifier", "live");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("\"resultCode\":\"Succeeded\"", "\"resultString\":\"done\"");
      assertThat(run.err()).contains("START RequestId: r1", "\"key\":\"photos/a b.jpg\"", "END RequestId: r1");
      FakeLambdaEndpoint.Request request = lambda.requests().get(0);
      assertThat(request.path()).isEqualTo("/2015-03-31/functions/s3batch/invocations");
      assertThat(request.query()).isEqualTo("Qualifier=live");
      assertThat(request.header("X-Amz-Log-Type")).isEqualTo("Tail");
      assertThat(request.header("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
      assertThat(request.json().path("tasks").get(0).path("s3Key").asText()).isEqualTo("photos/a%20b.jpg");
      assertThat(request.json().path("tasks").get(0).path("s3BucketArn").asText()).isEqualTo("arn:aws:s3:::b1");
    }
  }

  @Test
  void invoke_dryRun_sendsDryRunAndSaysNothingRan() throws Exception {
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(r -> new Reply(204, Map.of(), new byte[0]))) {
      CliRun run = invoke(lambda, "--function", "arn:aws:lambda:us-east-1:123456789012:function:s3batch", "--dry-run");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("DryRun of arn:aws:lambda:us-east-1:123456789012:function:s3batch: HTTP 204");
      assertThat(lambda.requests()).singleElement()
          .satisfies(r -> assertThat(r.header("X-Amz-Invocation-Type")).isEqualTo("DryRun"));
    }
  }

  @Test
  void invoke_functionError_exit1WithLambdasPayload() throws Exception {
    String payload = "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}";
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(
        r -> Reply.json(200, payload, Map.of("X-Amz-Function-Error", "Unhandled")))) {
      CliRun run = invoke(lambda, "--function", "s3batch");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
      assertThat(run.err()).contains("the function failed the invocation (Unhandled): " + payload);
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void invoke_answeredPermanentFailure_exit3() throws Exception {
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(r -> FakeLambdaEndpoint.answer(r, "PermanentFailure", "no"))) {
      CliRun run = invoke(lambda, "--function", "s3batch");
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TASKS_FAILED);
      assertThat(run.out()).contains("\"resultCode\":\"PermanentFailure\"");
    }
  }

  @Test
  void invoke_noSuchFunction_exit2WithLambdasErrorAsTheSdkMapsIt() throws Exception {
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(
        r -> Reply.error(404, "ResourceNotFoundException", "Function not found: nope"))) {
      CliRun run = invoke(lambda, "--function", "nope");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("--function nope: Lambda answered ResourceNotFoundException (HTTP 404): Function not found: nope");
      assertThat(lambda.requests()).as("a 404 is not retried").hasSize(1);
    }
  }

  @Test
  void invoke_throttledThenAnswered_retriedWithBackoff() throws Exception {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(r -> switch (calls.incrementAndGet()) {
      case 1 -> Reply.error(429, "TooManyRequestsException", "Rate exceeded");
      case 2 -> Reply.error(503, "ServiceException", "try again");
      default -> FakeLambdaEndpoint.answer(r, "Succeeded", "third time");
    })) {
      CliRun run = invoke(lambda, "--function", "s3batch");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("third time");
      assertThat(lambda.requests()).hasSize(3);
    }
  }

  @Test
  void invoke_endpointNotListening_exit1NamingItWithinSeconds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    int dead;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      dead = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + dead;
    CliRun invoke = CliRun.of("invoke", "--bucket", "b", "--key", "k", "--function", "f", "--lambda-endpoint-url", url);
    CliRun job = CliRun.of("job", "run-local", "--manifest", java.nio.file.Files.writeString(dir.resolve("m.csv"), "b,k\n")
        .toString(), "--report", dir.resolve("reports").toString(), "--function", "f", "--lambda-endpoint-url", url);

    assertThat(invoke.exitCode()).as(invoke.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(invoke.err()).contains("--function f: cannot reach Lambda: ");
    assertThat(job.exitCode()).as(job.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(job.err()).contains("--function f at " + url + ": DryRun failed: cannot reach Lambda: ");
    assertThat(dir.resolve("reports")).doesNotExist();
  }

  @Test
  void invoke_contradictoryOptions_exit2NamingBothAndNothingSent() throws Exception {
    try (FakeLambdaEndpoint lambda = FakeLambdaEndpoint.start(r -> FakeLambdaEndpoint.answer(r, "Succeeded", ""))) {
      assertThat(invoke(lambda, "--function", "f", "--action", "head").err())
          .contains("--function and --action contradict");
      assertThat(invoke(lambda, "--function", "f", "--env", "K=V").err()).contains("--function and --env contradict");
      assertThat(invoke(lambda, "--function", "f", "--timeout", "3").err()).contains("--function and --timeout contradict");
      assertThat(invoke(lambda, "--function", "f", "--endpoint-url", "http://127.0.0.1:1").err())
          .contains("--function and --endpoint-url contradict");
      assertThat(invoke(lambda, "--function", "f:live", "--qualifier", "v2").err())
          .contains("--function and --qualifier: f:live already names the version or alias live");
      assertThat(invoke(lambda, "--function", "not a name!").err()).contains("--function: \"not a name!\" is not a function name or ARN");
      CliRun noFunction = invoke(lambda, "--dry-run");
      assertThat(noFunction.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(noFunction.err()).contains("--lambda-endpoint-url needs --function NAME|ARN");
      assertThat(CliRun.of("invoke", "--bucket", "b", "--key", "k", "--qualifier", "q").err())
          .contains("--qualifier needs --function NAME|ARN");
      assertThat(lambda.requests()).isEmpty();
    }
  }
}
