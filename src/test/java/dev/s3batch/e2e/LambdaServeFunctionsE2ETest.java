package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.tools.lambda.FunctionSpec;
import dev.s3batch.tools.lambda.LambdaService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.lambda.model.UnsupportedMediaTypeException;

/**
 * {@code lambda serve}'s service with small test functions: Java ones ({@link LambdaTestFunctions},
 * the test classes folder as task root) under AWS's runtime interface client, and two custom
 * runtimes: {@link StreamingTestRuntime}, answering in streaming mode, and {@link DroppingTestRuntime},
 * which resets one of its polls before the event comes; called with the real SDK
 * {@link LambdaClient} and {@link LambdaAsyncClient}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaServeFunctionsE2ETest {

  private static final String FUNCTIONS = "dev.s3batch.e2e.LambdaTestFunctions::";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int STREAM_BYTES = 20 * 1024 * 1024;

  private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
  private LambdaService service;
  private LambdaClient lambda;
  private LambdaAsyncClient async;
  private LambdaTestClients clients;
  private Path dropDir;

  @BeforeAll
  void start() throws Exception {
    dropDir = Files.createTempDirectory("s3batch-dropping-runtime");
    Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
    String java = ProcessHandle.current().info().command().orElseThrow();
    String runtimeClasspath = testClasses.toString();
    service = LambdaService.start(List.of(
        java("echo", "echo", testClasses).withQualifiers(List.of("live", "7")),
        java("context", "context", testClasses).withMemory(256).withTimeout(20).withQualifiers(List.of("live"))
            .withEnv(Map.of("GREETING", "hello from --env")),
        java("fail", "fail", testClasses),
        java("sleep", "sleep", testClasses).withTimeout(4),
        java("exit", "exit", testClasses),
        java("burst", "sleep", testClasses).withConcurrency(2).withQueue(2),
        java("dry", "echo", testClasses),
        java("places", "echo", testClasses).withConcurrency(1).withQueue(1),
        java("big", "big", testClasses),
        FunctionSpec.parse("missing=dev.s3batch.e2e.NoSuchClass::handle@" + testClasses),
        FunctionSpec.parse("stream").withCommand("'" + java + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '"
            + runtimeClasspath + "' " + StreamingTestRuntime.class.getName()),
        FunctionSpec.parse("dropping").withCommand("'" + java + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '"
            + runtimeClasspath + "' " + DroppingTestRuntime.class.getName())
            .withEnv(Map.of("DROP_DIR", dropDir.toString())).withConcurrency(1)),
        0, log::add);
    clients = LambdaTestClients.of(service.endpoint(), 50);
    lambda = clients.sync();
    async = clients.async();
  }

  private static FunctionSpec java(String name, String method, Path taskRoot) {
    return FunctionSpec.parse(name + "=" + FUNCTIONS + method + "@" + taskRoot).withTimeout(60);
  }

  @AfterAll
  void stop() {
    if (clients != null) {
      clients.close();
    }
    if (service != null) {
      service.close();
    }
    for (String name : new String[] {"dropped", "go", ""}) {
      dropDir.resolve(name).toFile().delete();
    }
  }

  @Test
  void invoke_requestResponseWithTail_answersThePayloadAndThatInvocationsOwnLogLine() {
    InvokeResponse response = lambda.invoke(b -> b.functionName("echo").logType(LogType.TAIL)
        .payload(SdkBytes.fromUtf8String("{\"hello\":\"wörld\"}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isNull();
    assertThat(response.payload().asUtf8String()).isEqualTo("{\"hello\":\"wörld\"}");
    String requestId = response.responseMetadata().requestId();
    String tail = decode(response.logResult());
    assertThat(tail).contains("START RequestId: " + requestId, "echo function ran request " + requestId,
        "END RequestId: " + requestId, "REPORT RequestId: " + requestId);
    assertThat(tail.lines().filter(l -> l.startsWith("echo function ran request"))).hasSize(1);
  }

  @Test
  void invoke_event_answers202AndRunsTheFunction() throws Exception {
    InvokeResponse response = lambda.invoke(b -> b.functionName("echo").invocationType(InvocationType.EVENT)
        .payload(SdkBytes.fromUtf8String("{}")));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.payload().asByteArray()).isEmpty();
    awaitLog("echo function ran request " + response.responseMetadata().requestId());
  }

  @Test
  void invoke_runtimeResetsItsPollBeforeTheEvent_theEventGoesToItsNextPollAndIsAnswered() throws Exception {
    // the runtime answers a first event, then sends invocation/next and resets that connection
    InvokeResponse warm = lambda.invoke(b -> b.functionName("dropping").payload(SdkBytes.fromUtf8String("{\"warm\":1}")));
    assertThat(warm.payload().asUtf8String()).isEqualTo("{\"warm\":1}");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(dropDir.resolve("dropped"))) {
      assertThat(System.nanoTime()).as("the runtime never dropped its poll").isLessThan(deadline);
      Thread.sleep(20);
    }

    // the event goes to the reset poll: its delivery fails, and it waits for the runtime's next poll
    byte[] big = ("{\"pad\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
    var answer = async.invoke(b -> b.functionName("dropping").payload(SdkBytes.fromByteArray(big)));
    awaitLog("did not get invocation");
    touch(dropDir.resolve("go"));

    InvokeResponse response = answer.get(60, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isNull();
    assertThat(response.payload().asByteArray()).isEqualTo(big);
    String id = response.responseMetadata().requestId();
    assertThat(log).anyMatch(l -> l.contains("did not get invocation " + id));
  }

  @Test
  void invoke_dryRun_answers204AndStartsNothing() {
    InvokeResponse response = lambda.invoke(b -> b.functionName("dry").invocationType(InvocationType.DRY_RUN)
        .payload(SdkBytes.fromUtf8String("{}")));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(service.environmentCount("dry")).isZero();
  }

  @Test
  void invoke_nameArnPartialArnAndQualifier_allReachTheFunction() {
    for (String name : List.of("echo", "echo:live", "arn:aws:lambda:us-east-1:123456789012:function:echo",
        "arn:aws:lambda:us-east-1:123456789012:function:echo:7", "123456789012:function:echo")) {
      InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("[1]")));
      assertThat(response.payload().asUtf8String()).as(name).isEqualTo("[1]");
      assertThat(response.executedVersion()).as(name).isEqualTo(name.endsWith(":7") ? "7" : "$LATEST");
    }
    InvokeResponse qualified = lambda.invoke(b -> b.functionName("echo").qualifier("live")
        .payload(SdkBytes.fromUtf8String("2")));
    assertThat(qualified.payload().asUtf8String()).isEqualTo("2");
  }

  @Test
  void invoke_contextFunction_seesLambdasVariablesMemoryClientContextAndArn() throws Exception {
    String clientContext = Base64.getEncoder().encodeToString(
        "{\"custom\":{\"job\":\"rehearsal\"},\"env\":{},\"client\":{}}".getBytes(StandardCharsets.UTF_8));

    InvokeResponse response = lambda.invoke(b -> b.functionName("context").qualifier("live").clientContext(clientContext)
        .payload(SdkBytes.fromUtf8String("{}")));

    JsonNode seen = MAPPER.readTree(response.payload().asUtf8String());
    assertThat(seen.get("requestId").asText()).isEqualTo(response.responseMetadata().requestId());
    assertThat(seen.get("arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:context:live");
    assertThat(seen.get("functionName").asText()).isEqualTo("context");
    assertThat(seen.get("logGroup").asText()).isEqualTo("/aws/lambda/context");
    assertThat(seen.get("memory").asInt()).isEqualTo(256);
    assertThat(seen.get("maxHeapMb").asInt()).isBetween(150, 218);
    assertThat(seen.get("remainingMs").asLong()).isBetween(1L, 20_000L);
    assertThat(seen.get("custom").asText()).contains("job=rehearsal");
    assertThat(seen.get("region").asText()).isEqualTo("us-east-1");
    assertThat(seen.get("greeting").asText()).isEqualTo("hello from --env");
  }

  @Test
  void invoke_responseOfLambdasLimit6291556Bytes_answeredWhole() {
    int size = 6 * 1024 * 1024 + 100;
    InvokeResponse response = lambda.invoke(b -> b.functionName("big").payload(SdkBytes.fromUtf8String("" + size)));

    assertThat(response.functionError()).isNull();
    assertThat(response.payload().asByteArray()).hasSize(size);
  }

  @Test
  void invoke_responseOneByteOverLambdasLimit_answersResponseSizeTooLargeAsLambdaDoes() throws Exception {
    int size = 6 * 1024 * 1024 + 101;
    InvokeResponse response = lambda.invoke(b -> b.functionName("big").payload(SdkBytes.fromUtf8String("" + size)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    JsonNode error = MAPPER.readTree(response.payload().asUtf8String());
    assertThat(error.get("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
    assertThat(error.get("errorMessage").asText()).isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
  }

  @Test
  void invoke_functionThatThrows_answersUnhandledWithTheErrorJson() throws Exception {
    InvokeResponse response = lambda.invoke(b -> b.functionName("fail").logType(LogType.TAIL)
        .payload(SdkBytes.fromUtf8String("{}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    String requestId = response.responseMetadata().requestId();
    JsonNode error = MAPPER.readTree(response.payload().asUtf8String());
    assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.get("errorMessage").asText()).isEqualTo("deliberate failure for " + requestId);
    assertThat(error.get("stackTrace").isArray()).isTrue();
    assertThat(decode(response.logResult())).contains("fail function ran request " + requestId);
  }

  @Test
  void invoke_functionPastItsTimeout_answersTaskTimedOutAndTheNextRunsInAFreshEnvironment() throws Exception {
    InvokeResponse timedOut = lambda.invoke(b -> b.functionName("sleep").payload(SdkBytes.fromUtf8String("30000")));

    assertThat(timedOut.functionError()).isEqualTo("Unhandled");
    JsonNode error = MAPPER.readTree(timedOut.payload().asUtf8String());
    assertThat(error.get("errorMessage").asText())
        .endsWith(timedOut.responseMetadata().requestId() + " Task timed out after 4.00 seconds");

    InvokeResponse next = lambda.invoke(b -> b.functionName("sleep").payload(SdkBytes.fromUtf8String("10")));
    assertThat(next.functionError()).isNull();
    assertThat(next.payload().asUtf8String()).isEqualTo("{\"slept\":10}");
  }

  @Test
  void invoke_runtimeThatExits_answersRuntimeExitErrorAndIsReplaced() throws Exception {
    InvokeResponse exited = lambda.invoke(b -> b.functionName("exit").payload(SdkBytes.fromUtf8String("\"exit\"")));

    assertThat(exited.functionError()).isEqualTo("Unhandled");
    JsonNode error = MAPPER.readTree(exited.payload().asUtf8String());
    assertThat(error.get("errorType").asText()).isEqualTo("Runtime.ExitError");
    assertThat(error.get("errorMessage").asText()).isEqualTo("RequestId: " + exited.responseMetadata().requestId()
        + " Error: Runtime exited with error: exit status 3");

    InvokeResponse next = lambda.invoke(b -> b.functionName("exit").payload(SdkBytes.fromUtf8String("{\"n\":2}")));
    assertThat(next.functionError()).isNull();
    assertThat(next.payload().asUtf8String()).isEqualTo("{\"n\":2}");
  }

  @Test
  void invoke_handlerClassMissing_answersTheRuntimesInitErrorEachTime() throws Exception {
    for (int attempt = 1; attempt <= 2; attempt++) {
      InvokeResponse response = lambda.invoke(b -> b.functionName("missing").payload(SdkBytes.fromUtf8String("{}")));

      assertThat(response.functionError()).as("attempt %d", attempt).isEqualTo("Unhandled");
      JsonNode error = MAPPER.readTree(response.payload().asUtf8String());
      assertThat(error.get("errorMessage").asText()).as(error.toString()).contains("dev.s3batch.e2e.NoSuchClass");
      assertThat(error.get("errorType").asText()).as(error.toString()).isNotBlank();
    }
  }

  @Test
  void invoke_refusedPayloadsBeyondConcurrencyAndQueue_giveTheirPlacesBack() {
    // "places" has one environment and one place in its queue: a refused payload that kept its
    // place would leave none, and the call after them would be throttled.
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("places").payload(SdkBytes.fromUtf8String("{not json"))))
          .isInstanceOf(InvalidRequestContentException.class);
      assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("places")
          .payload(SdkBytes.fromUtf8String("\"" + "x".repeat(6 * 1024 * 1024) + "\""))))
          .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
    }

    InvokeResponse response = lambda.invoke(b -> b.functionName("places").payload(SdkBytes.fromUtf8String("[1]")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.payload().asUtf8String()).isEqualTo("[1]");
  }

  @Test
  void invoke_badRequests_throwTheSdksOwnExceptionsAndNeverReachTheFunction() {
    int before = log.size();
    SdkBytes json = SdkBytes.fromUtf8String("{}");
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("no-such-function").payload(json)))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.getMessage()).contains("Function not found: arn:aws:lambda:us-east-1:123456789012:function:no-such-function");
        });
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo").qualifier("nope").payload(json)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{not json"))))
        .isInstanceOfSatisfying(InvalidRequestContentException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo")
        .payload(SdkBytes.fromUtf8String("\"" + "x".repeat(6 * 1024 * 1024) + "\""))))
        .isInstanceOfSatisfying(LambdaException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(413);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
        });
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo").payload(json)
        .overrideConfiguration(o -> o.putHeader("Content-Type", "application/xml"))))
        .isInstanceOfSatisfying(UnsupportedMediaTypeException.class, e -> assertThat(e.statusCode()).isEqualTo(415));
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo").invocationType("Sometimes").payload(json)))
        .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode() + e.getMessage())
            .startsWith("ValidationException").contains("invocationType"));
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo").logType("Everything").payload(json)))
        .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode() + e.getMessage())
            .startsWith("ValidationException").contains("logType"));
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo:live").qualifier("7").payload(json)))
        .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.getMessage()).contains("qualifier"));
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo").clientContext("not base64!").payload(json)))
        .isInstanceOfSatisfying(InvalidRequestContentException.class, e -> assertThat(e.getMessage()).contains("Client context"));
    String tooBig = Base64.getEncoder().encodeToString(("{\"custom\":{\"k\":\"" + "x".repeat(3600) + "\"}}")
        .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo").clientContext(tooBig).payload(json)))
        .isInstanceOfSatisfying(InvalidRequestContentException.class, e -> assertThat(e.getMessage()).contains("3583"));
    assertThat(log.stream().skip(before).filter(l -> l.contains("START RequestId"))).isEmpty();
  }

  @Test
  void invoke_burstBeyondConcurrencyAndQueue_throttlesWith429AndAnswersEveryAcceptedOnce() throws Exception {
    int burst = 12;
    ExecutorService callers = Executors.newFixedThreadPool(burst);
    List<Future<InvokeResponse>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < burst; i++) {
        calls.add(callers.submit(() -> lambda.invoke(b -> b.functionName("burst").payload(SdkBytes.fromUtf8String("1500")))));
      }
      List<String> answered = new ArrayList<>();
      int throttled = 0;
      for (Future<InvokeResponse> call : calls) {
        try {
          InvokeResponse response = call.get(120, TimeUnit.SECONDS);
          assertThat(response.payload().asUtf8String()).isEqualTo("{\"slept\":1500}");
          answered.add(response.responseMetadata().requestId());
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOfSatisfying(TooManyRequestsException.class, t -> {
            assertThat(t.statusCode()).isEqualTo(429);
            assertThat(t.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
            assertThat(t.retryAfterSeconds()).isEqualTo("1");
          });
          throttled++;
        }
      }
      assertThat(throttled).as("calls beyond 2 running + 2 queued").isGreaterThanOrEqualTo(1);
      assertThat(answered.size()).as("2 running + 2 queued at least").isGreaterThanOrEqualTo(4);
      assertThat(answered.size() + throttled).isEqualTo(burst);
      assertThat(answered).doesNotHaveDuplicates();
      List<String> started = log.stream().filter(l -> l.startsWith("[burst] START RequestId: ")).toList();
      assertThat(started).hasSize(answered.size());
      for (String id : answered) {
        assertThat(started).filteredOn(l -> l.contains(id)).hasSize(1);
      }
      assertThat(service.environmentCount("burst")).isLessThanOrEqualTo(2);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void invokeWithResponseStream_streamingFunction20MB_firstChunkArrivesBeforeTheFunctionFinishes(@TempDir Path dir)
      throws Exception {
    Path signal = dir.resolve("first-chunk-seen");
    AtomicLong bytes = new AtomicLong();
    AtomicBoolean finishedBeforeFirstChunk = new AtomicBoolean();
    AtomicReference<InvokeWithResponseStreamCompleteEvent> complete = new AtomicReference<>();
    AtomicReference<InvokeWithResponseStreamResponse> initial = new AtomicReference<>();
    InvokeWithResponseStreamResponseHandler handler = InvokeWithResponseStreamResponseHandler.builder()
        .onResponse(initial::set)
        .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
            .onPayloadChunk(chunk -> {
              if (bytes.getAndAdd(chunk.payload().asByteArray().length) == 0) {
                finishedBeforeFirstChunk.set(log.stream().anyMatch(l -> l.contains("streaming runtime finished")));
                touch(signal);
              }
            })
            .onInvokeComplete(complete::set)
            .build())
        .build();
    String event = "{\"bytes\":" + STREAM_BYTES + ",\"signal\":" + MAPPER.writeValueAsString(signal.toString()) + "}";

    async.invokeWithResponseStream(InvokeWithResponseStreamRequest.builder().functionName("stream")
        .payload(SdkBytes.fromUtf8String(event)).build(), handler).get(120, TimeUnit.SECONDS);

    assertThat(initial.get().statusCode()).isEqualTo(200);
    assertThat(initial.get().executedVersion()).isEqualTo("$LATEST");
    assertThat(finishedBeforeFirstChunk.get()).as("the function had finished before the first chunk arrived").isFalse();
    assertThat(Files.exists(signal)).isTrue();
    assertThat(bytes.get()).isEqualTo(STREAM_BYTES);
    assertThat(complete.get()).isNotNull();
    assertThat(complete.get().errorCode()).isNull();
  }

  @Test
  void invokeWithResponseStream_errorInTheTrailers_endsWithInvokeCompleteUnhandled() throws Exception {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    AtomicReference<InvokeWithResponseStreamCompleteEvent> complete = new AtomicReference<>();
    var handler = InvokeWithResponseStreamResponseHandler.builder()
        .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
            .onPayloadChunk(chunk -> received.writeBytes(chunk.payload().asByteArray()))
            .onInvokeComplete(complete::set)
            .build())
        .build();

    async.invokeWithResponseStream(b -> b.functionName("stream").payload(SdkBytes.fromUtf8String("{\"error\":\"Stream.Broke\"}")),
        handler).get(120, TimeUnit.SECONDS);

    assertThat(received.toString(StandardCharsets.UTF_8)).isEqualTo("partial");
    assertThat(complete.get().errorCode()).isEqualTo("Unhandled");
    JsonNode details = MAPPER.readTree(complete.get().errorDetails());
    assertThat(details.get("errorType").asText()).isEqualTo("Stream.Broke");
    assertThat(details.get("errorMessage").asText()).startsWith("stream broke for ");
  }

  @Test
  void invokeWithResponseStream_bufferedFunctionWithTail_sendsItsResponseAsChunksAndTheLogInInvokeComplete()
      throws Exception {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    AtomicReference<InvokeWithResponseStreamCompleteEvent> complete = new AtomicReference<>();
    var handler = InvokeWithResponseStreamResponseHandler.builder()
        .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
            .onPayloadChunk(chunk -> received.writeBytes(chunk.payload().asByteArray()))
            .onInvokeComplete(complete::set)
            .build())
        .build();
    String payload = "[\"" + "y".repeat(300_000) + "\"]";

    async.invokeWithResponseStream(b -> b.functionName("echo").logType(LogType.TAIL).payload(SdkBytes.fromUtf8String(payload)),
        handler).get(120, TimeUnit.SECONDS);

    assertThat(received.toString(StandardCharsets.UTF_8)).isEqualTo(payload);
    assertThat(complete.get().errorCode()).isNull();
    assertThat(decode(complete.get().logResult())).contains("echo function ran request ");
  }

  private void awaitLog(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (log.stream().noneMatch(l -> l.contains(text))) {
      assertThat(System.nanoTime()).as("no log line with \"%s\" in:%n%s", text, String.join("\n", log)).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static void touch(Path file) {
    try {
      Files.createFile(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

}
