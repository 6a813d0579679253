package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * {@code s3batch lambda serve}, as a user starts it (its own JVM, here with a 64 MB heap and a GC
 * log), under bursts of ten times its concurrency from the real SDK clients: Invoke (payloads of
 * 3 MB, twenty of which are nearly the heap: a refused payload is never held, and an accepted
 * one's answer of 3 MB reaches its caller), then InvokeWithResponseStream, then Event
 * invocations, each burst's callers released at once. A
 * function that takes a moment ({@link LambdaTestFunctions#slowEcho}) answers its payload and logs
 * the id it ran. Every accepted call must be answered once with its own payload and run once;
 * every other must be Lambda's throttle (429 {@code TooManyRequestsException}, {@code Reason},
 * {@code Retry-After}); the service's heap after a full GC, its threads and its resident memory
 * stay within stated bounds, no environment is left beyond {@code --concurrency}, and a normal
 * invoke works afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaServeBurstE2ETest {

  private static final int CONCURRENCY = 2;
  private static final int QUEUE = 2;
  private static final int BURST = 10 * CONCURRENCY;
  private static final int SLEEP_MS = 1000;
  /**
   * The Invoke burst's payloads: 20 of them at once are nearly the service's heap, and 20 answers
   * of this size once broke the service's writes (its direct memory, which is as large as its heap,
   * ran out: see {@code SlicedWrite}).
   */
  private static final int BIG_PAD = 3 * 1024 * 1024;
  private static final int PAD = 256 * 1024;
  /** The service's live heap after a full GC, at most (its -Xmx is 64 MB). */
  private static final long HEAP_BOUND_MB = 24;
  /** The service's resident memory after the bursts, at most. */
  private static final long RSS_BOUND_MB = 256;
  private static final Pattern RAN = Pattern.compile("(?m)^\\[burst] slow echo ran id (\\d+) in request ");
  private static final Pattern FULL_GC = Pattern.compile("Pause Full \\(Diagnostic Command\\) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  @TempDir Path dir;
  private LambdaServeProcess service;
  private Path gcLog;
  private LambdaClient lambda;
  private LambdaAsyncClient async;
  private LambdaTestClients clients;

  @BeforeAll
  void start(@TempDir Path files) throws Exception {
    gcLog = files.resolve("gc.log");
    String taskRoot = Path.of("target", "test-classes").toAbsolutePath().toString();
    service = LambdaServeProcess.start(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog),
        List.of("--function", "burst=dev.s3batch.e2e.LambdaTestFunctions::slowEcho@" + taskRoot,
            "--concurrency", Integer.toString(CONCURRENCY), "--queue", Integer.toString(QUEUE), "--timeout", "60"),
        files.resolve("lambda-serve.txt"));
    clients = LambdaTestClients.of(service.endpoint(), BURST);
    lambda = clients.sync();
    async = clients.async();
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (clients != null) {
      clients.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void lambdaServe_burstsOfTenTimesItsConcurrency_everyAcceptedAnsweredAndRunOnceTheRest429MemoryBoundedHealthy()
      throws Exception {
    Map<String, String> figures = new TreeMap<>();
    Tally invoke = burst(0, id -> {
      InvokeResponse r = lambda.invoke(b -> b.functionName("burst").payload(SdkBytes.fromUtf8String(payload(id, BIG_PAD))));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.functionError()).as(r.payload().asUtf8String()).isNull();
      return new Answer(r.responseMetadata().requestId(), r.payload().asUtf8String());
    });
    check("Invoke", invoke, 0, BIG_PAD, figures);

    Tally stream = burst(100, id -> {
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      AtomicReference<InvokeWithResponseStreamCompleteEvent> complete = new AtomicReference<>();
      AtomicReference<String> requestId = new AtomicReference<>();
      var handler = InvokeWithResponseStreamResponseHandler.builder()
          .onResponse(r -> requestId.set(r.responseMetadata().requestId()))
          .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
              .onPayloadChunk(c -> received.writeBytes(c.payload().asByteArray()))
              .onInvokeComplete(complete::set).build())
          .build();
      return async.invokeWithResponseStream(b -> b.functionName("burst").payload(SdkBytes.fromUtf8String(payload(id, PAD))),
          handler).thenApply(v -> {
            assertThat(complete.get()).as("InvokeComplete of id %d", id).isNotNull();
            assertThat(complete.get().errorCode()).as(complete.get().errorDetails()).isNull();
            return new Answer(requestId.get(), received.toString(StandardCharsets.UTF_8));
          }).get(120, TimeUnit.SECONDS);
    });
    check("InvokeWithResponseStream", stream, 100, PAD, figures);

    Tally event = burst(200, id -> {
      InvokeResponse r = lambda.invoke(b -> b.functionName("burst").invocationType(InvocationType.EVENT)
          .payload(SdkBytes.fromUtf8String(payload(id, 1024))));
      assertThat(r.statusCode()).isEqualTo(202);
      return new Answer(r.responseMetadata().requestId(), null);
    });
    for (Map.Entry<Integer, Answer> accepted : event.answered.entrySet()) {
      CrashE2ETest.await("Event id " + accepted.getKey() + " ran and ended", () -> ranLines(accepted.getKey()) == 1
          && service.log().contains("[burst] END RequestId: " + accepted.getValue().requestId()));
    }
    check("Event", event, 200, 0, figures);

    InvokeResponse after = lambda.invoke(b -> b.functionName("burst").payload(SdkBytes.fromUtf8String(payload(999, 16))));
    assertThat(after.statusCode()).as("a normal invoke afterwards").isEqualTo(200);
    assertThat(after.payload().asUtf8String()).isEqualTo(payload(999, 16));
    assertThat(service.environments()).as("environments left running").hasSizeLessThanOrEqualTo(CONCURRENCY);

    long liveHeapMb = heapAfterFullGc();
    long rssMb = status("VmRSS") / 1024;
    long threads = status("Threads");
    figures.put("service after the bursts", String.format(Locale.ROOT, "heap after a full GC %d MB (bound %d),"
        + " RSS %d MB (bound %d), %d threads", liveHeapMb, HEAP_BOUND_MB, rssMb, RSS_BOUND_MB, threads));
    System.out.println("lambda serve burst figures " + figures);
    assertThat(liveHeapMb).as("live heap of the service").isLessThanOrEqualTo(HEAP_BOUND_MB);
    assertThat(rssMb).as("resident memory of the service").isLessThanOrEqualTo(RSS_BOUND_MB);
    assertThat(threads).as("threads of the service: Jetty's pool grows to the callers at once, no more")
        .isLessThanOrEqualTo(40 + 2L * BURST);
    assertThat(service.process().isAlive()).isTrue();
  }

  /** The calls of one burst: answered by id, and the ids throttled. */
  private record Tally(Map<Integer, Answer> answered, List<Integer> throttled) {}

  private record Answer(String requestId, String payload) {}

  /** One call of a burst, on its own caller thread. */
  private interface Call {
    Answer make(int id) throws Exception;
  }

  /** {@link #BURST} calls of ids {@code first..}, released at once, each awaited; a 429 is checked as Lambda's. */
  private Tally burst(int first, Call call) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(BURST);
    try {
      List<Future<Answer>> calls = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        int id = first + i;
        calls.add(callers.submit(() -> {
          go.await();
          return call.make(id);
        }));
      }
      go.countDown();
      Tally tally = new Tally(new TreeMap<>(), new ArrayList<>());
      for (int i = 0; i < BURST; i++) {
        try {
          tally.answered.put(first + i, calls.get(i).get(150, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          while (cause.getCause() != null && !(cause instanceof TooManyRequestsException)) {
            cause = cause.getCause();
          }
          assertThat(cause).as("id %d", first + i).isInstanceOfSatisfying(TooManyRequestsException.class, t -> {
            assertThat(t.statusCode()).isEqualTo(429);
            assertThat(t.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
            assertThat(t.retryAfterSeconds()).isEqualTo("1");
          });
          tally.throttled.add(first + i);
        }
      }
      return tally;
    } finally {
      callers.shutdownNow();
    }
  }

  /**
   * Every call answered or throttled; at least concurrency + queue accepted; an accepted call's
   * answer is its own payload of {@code pad} bytes (none for Event) and it ran exactly once, a
   * throttled one never ran.
   */
  private void check(String api, Tally tally, int first, int pad, Map<String, String> figures) {
    assertThat(tally.answered.size() + tally.throttled.size()).isEqualTo(BURST);
    assertThat(tally.answered).as("%s: accepted (%d running + %d queued at least)", api, CONCURRENCY, QUEUE)
        .hasSizeGreaterThanOrEqualTo(CONCURRENCY + QUEUE);
    assertThat(tally.throttled).as("%s: throttled", api).hasSizeGreaterThanOrEqualTo(BURST - 2 * (CONCURRENCY + QUEUE));
    assertThat(tally.answered.values().stream().map(Answer::requestId)).doesNotHaveDuplicates();
    tally.answered.forEach((id, answer) -> {
      if (pad > 0) {
        assertThat(answer.payload().equals(payload(id, pad))).as("%s: the answer to id %d is its payload", api, id).isTrue();
      }
      assertThat(ranLines(id)).as("%s: times the function ran id %d", api, id).isEqualTo(1);
    });
    tally.throttled.forEach(id -> assertThat(ranLines(id)).as("%s: throttled id %d ran", api, id).isZero());
    long ran = ranIds().stream().filter(id -> id >= first && id < first + BURST).count();
    assertThat(ran).as("%s: invocations the function saw", api).isEqualTo(tally.answered.size());
    figures.put(api, BURST + " calls: " + tally.answered.size() + " answered, " + tally.throttled.size() + " throttled");
  }

  private long ranLines(int id) {
    return ranIds().stream().filter(ran -> ran == id).count();
  }

  /** The id of every invocation the function ran, from its log lines in the service's output. */
  private List<Integer> ranIds() {
    List<Integer> ids = new ArrayList<>();
    Matcher m = RAN.matcher(service.log());
    while (m.find()) {
      ids.add(Integer.parseInt(m.group(1)));
    }
    return ids;
  }

  /** {@code {"id":N,"ms":SLEEP_MS,"pad":"..."}}, about {@code pad} bytes, different for every id. */
  private static String payload(int id, int pad) {
    StringBuilder sb = new StringBuilder(pad + 64).append("{\"id\":").append(id).append(",\"ms\":")
        .append(pad > 16 ? SLEEP_MS : 0).append(",\"pad\":\"");
    String unit = Integer.toString(id, 36) + "-";
    while (sb.length() < pad) {
      sb.append(unit);
    }
    return sb.append("\"}").toString();
  }

  /** The service's heap after a full GC ({@code jcmd PID GC.run}), in MB, from its GC log. */
  private long heapAfterFullGc() throws IOException, InterruptedException {
    Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
    Process run = new ProcessBuilder(jcmd.toString(), Long.toString(service.process().pid()), "GC.run")
        .redirectErrorStream(true).redirectOutput(dir.resolve("jcmd.txt").toFile()).start();
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(CrashE2ETest.read(dir.resolve("jcmd.txt"))).isZero();
    AtomicReference<Long> after = new AtomicReference<>();
    CrashE2ETest.await("the full GC in the service's GC log", () -> {
      Matcher m = FULL_GC.matcher(CrashE2ETest.read(gcLog));
      while (m.find()) {
        after.set(Long.parseLong(m.group(2)));
      }
      return after.get() != null;
    });
    return after.get();
  }

  /** A number from {@code /proc/PID/status} of the service ({@code VmRSS} in kB, {@code Threads}). */
  private long status(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(service.process().pid()), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
      }
    }
    throw new IllegalStateException("no " + field + " in /proc/" + service.process().pid() + "/status");
  }
}
