package dev.s3batch.bench;

import dev.s3batch.tools.lambda.FunctionSpec;
import dev.s3batch.tools.lambda.LambdaService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code lambda serve}'s figures (bench/lambda-serve.sh runs it):
 * <ul>
 *   <li>{@code cold JAR HANDLER EVENT RUNS [K=V ...]}: a fresh service per run, the first Invoke
 *       timed from the request (which spawns the environment) to its result; the children's CPU.
 *   <li>{@code warm CONCURRENCY INVOCATIONS TASK_ROOT}: {@link TimedEchoFunction} from TASK_ROOT (this module's classes),
 *       all environments warm, INVOCATIONS Invokes from CONCURRENCY callers; the round trip minus
 *       the function's own time is the service's overhead (with the runtime client's).
 * </ul>
 * Callers use the JDK's HTTP client, not the SDK, so the SDK's own cost is not counted.
 */
public final class LambdaServeBench {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    if (args.length >= 4 && args[0].equals("cold")) {
      Map<String, String> env = new LinkedHashMap<>();
      for (int i = 5; i < args.length; i++) {
        env.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
      }
      cold(Path.of(args[1]), args[2], Files.readString(Path.of(args[3])), Integer.parseInt(args[4]), env);
    } else if (args.length == 4 && args[0].equals("warm")) {
      warm(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
    } else {
      System.err.println("usage: LambdaServeBench cold JAR HANDLER EVENT RUNS [K=V ...] | warm CONCURRENCY INVOCATIONS TASK_ROOT");
      System.exit(2);
    }
  }

  private static void cold(Path jar, String handler, String event, int runs, Map<String, String> env) throws Exception {
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    FunctionSpec spec = FunctionSpec.parse("bench=" + handler + "@" + jar).withEnv(env).withTimeout(120);
    for (int run = 1; run <= runs; run++) {
      try (LambdaService service = LambdaService.start(List.of(spec), 0, line -> {})) {
        long start = System.nanoTime();
        HttpResponse<String> response = invoke(service.endpoint(), "bench", event);
        double ms = (System.nanoTime() - start) / 1e6;
        double childCpu = ProcessHandle.current().descendants()
            .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
        if (response.statusCode() != 200 || response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
          throw new IllegalStateException("run " + run + ": " + response.statusCode() + " " + response.body());
        }
        wall.add(ms);
        cpu.add(childCpu);
        System.out.printf(Locale.ROOT, "cold run %d: spawn to first result %.0f ms, environment CPU %.0f ms%n", run, ms, childCpu);
        if (run == 1) {
          System.out.println("first result: " + response.body());
        }
      }
    }
    System.out.printf(Locale.ROOT, "cold median: spawn to first result %.0f ms, environment CPU %.0f ms (%d runs)%n",
        median(wall), median(cpu), runs);
  }

  private static void warm(int concurrency, int invocations, Path classes) throws Exception {
    FunctionSpec spec = FunctionSpec.parse("timed=" + TimedEchoFunction.class.getName() + "::handleRequest@" + classes)
        .withConcurrency(concurrency).withQueue(concurrency * 4);
    String event = "{\"tasks\":[{\"taskId\":\"t\",\"s3Key\":\"bench/key.txt\",\"s3Bucket\":\"bench\"}]}";
    try (LambdaService service = LambdaService.start(List.of(spec), 0, line -> {})) {
      run(service.endpoint(), event, concurrency, Math.max(200, concurrency * 100));
      long cpuBefore = cpuMillis();
      long start = System.nanoTime();
      List<double[]> samples = run(service.endpoint(), event, concurrency, invocations);
      double seconds = (System.nanoTime() - start) / 1e9;
      long cpu = cpuMillis() - cpuBefore;
      List<Double> roundTrip = new ArrayList<>();
      List<Double> overhead = new ArrayList<>();
      for (double[] s : samples) {
        roundTrip.add(s[0]);
        overhead.add(s[0] - s[1]);
      }
      Collections.sort(overhead);
      System.out.printf(Locale.ROOT, "warm concurrency %d: %d invocations in %.2f s (%.0f/s); round trip median %.3f ms;"
              + " overhead median %.3f ms, p90 %.3f ms, p99 %.3f ms; CPU %.2f s (service and environments), %.3f ms per invocation;"
              + " %d environments%n",
          concurrency, invocations, seconds, invocations / seconds, median(roundTrip), median(overhead),
          overhead.get((int) (overhead.size() * 0.9)), overhead.get((int) (overhead.size() * 0.99)), cpu / 1000.0,
          (double) cpu / invocations, service.environmentCount("timed"));
    }
  }

  /** {@code [round trip ms, function's own ms]} of each invocation. */
  private static List<double[]> run(URI endpoint, String event, int concurrency, int invocations) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<List<double[]>>> parts = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        int share = invocations / concurrency + (c < invocations % concurrency ? 1 : 0);
        parts.add(callers.submit(() -> {
          List<double[]> mine = new ArrayList<>();
          for (int i = 0; i < share; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = invoke(endpoint, "timed", event);
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
              throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            double own = Long.parseLong(response.body().replaceAll("\\D", "")) / 1e6;
            mine.add(new double[] {ms, own});
          }
          return mine;
        }));
      }
      List<double[]> all = new ArrayList<>();
      for (Future<List<double[]>> part : parts) {
        all.addAll(part.get());
      }
      return all;
    } finally {
      callers.shutdownNow();
    }
  }

  private static HttpResponse<String> invoke(URI endpoint, String function, String event) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/2015-03-31/functions/" + function + "/invocations"))
        .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long cpuMillis() {
    long own = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    return own + ProcessHandle.current().descendants()
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
