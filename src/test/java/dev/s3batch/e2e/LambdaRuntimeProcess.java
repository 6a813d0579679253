package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.util.ReflectUtil;
import dev.s3batch.e2e.FakeLambdaRuntimeApi.Answer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The shipped lambda jar running in a JVM of its own under AWS's Java runtime interface client,
 * started as the client's README shows ({@code java -cp ... AWSLambda <handler>}), its environment
 * the variables Lambda sets (see the client's {@code ReservedRuntimeEnvironmentVariables}) plus the
 * function's own, its stdout and stderr in one file. Every wait is bounded; a failure carries the
 * runtime's output. {@link #close()} kills it (it asks for the next invocation forever).
 */
final class LambdaRuntimeProcess implements AutoCloseable {

  private static final String JNI_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  private final Process process;
  private final FakeLambdaRuntimeApi api;
  private final Path output;
  private final long startedNanos;

  private LambdaRuntimeProcess(Process process, FakeLambdaRuntimeApi api, Path output, long startedNanos) {
    this.process = process;
    this.api = api;
    this.output = output;
    this.startedNanos = startedNanos;
  }

  /** Starts {@code handler} in {@code work}, talking to {@code api}, with {@code functionEnv} set. */
  static LambdaRuntimeProcess start(Path work, String handler, FakeLambdaRuntimeApi api, Map<String, String> functionEnv)
      throws IOException {
    Path taskRoot = Files.createDirectories(work.resolve("task"));
    Path output = work.resolve("runtime-output.txt");
    ProcessBuilder builder = new ProcessBuilder(
            ProcessHandle.current().info().command().orElseThrow(),
            "-D" + JNI_PROPERTY + "=" + jniLibrary(work),
            "-cp", classpath(),
            AWSLambda.class.getName(), handler)
        .directory(taskRoot.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    String path = env.getOrDefault("PATH", "/usr/bin:/bin");
    env.clear();
    env.putAll(lambdaEnvironment(handler, api, taskRoot));
    env.putAll(functionEnv);
    env.put("PATH", path);
    long startedNanos = System.nanoTime();
    return new LambdaRuntimeProcess(builder.start(), api, output, startedNanos);
  }

  /** When (System.nanoTime) the JVM was started. */
  long startedNanos() {
    return startedNanos;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Feeds {@code event} through the Runtime API; the answer, or a failure naming why none came. */
  Answer invoke(String requestId, String event, Duration timeout) throws Exception {
    CompletableFuture<Answer> answer = api.invoke(requestId, event);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        return answer.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (api.initError().isDone()) {
          fail("runtime reported an init error: " + api.initError().get() + "\n" + output());
        }
        if (!process.isAlive()) {
          fail("runtime exited with " + process.exitValue() + " before answering " + requestId + ":\n" + output());
        }
      } catch (ExecutionException e) {
        throw new AssertionError(e.getCause());
      }
    }
    return fail("no answer to " + requestId + " within " + timeout.toSeconds() + " s; runtime output:\n" + output());
  }

  /** Everything the runtime wrote to stdout and stderr so far. */
  String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  /** Waits until the output holds {@code text}, at most {@code timeout}. */
  void awaitOutput(String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!output().contains(text)) {
      if (System.nanoTime() > deadline) {
        fail("no \"" + text + "\" in the runtime output:\n" + output());
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    try {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The deployment artifact; the reactor packages the handler before the root's tests run. */
  static Path lambdaJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("handler", "target"))) {
      return files.filter(p -> p.getFileName().toString().matches("s3batch-handler-.*-lambda\\.jar"))
          .findFirst().map(Path::toAbsolutePath).orElseThrow(() -> new AssertionError(
              "no handler/target/s3batch-handler-*-lambda.jar: run mvn verify from the repository root"));
    }
  }

  private static Map<String, String> lambdaEnvironment(String handler, FakeLambdaRuntimeApi api, Path taskRoot) {
    Map<String, String> env = new HashMap<>();
    env.put("_HANDLER", handler);
    env.put("AWS_LAMBDA_RUNTIME_API", api.hostAndPort());
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "s3batch-e2e");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/s3batch-e2e");
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]e2e");
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    return env;
  }

  /** The runtime client and its dependencies (found by a class of each), then the lambda jar. */
  private static String classpath() throws IOException {
    return String.join(File.pathSeparator,
        jarOf(AWSLambda.class), jarOf(ReflectUtil.class), jarOf(Context.class), jarOf(SdkInternalThreadLocal.class),
        lambdaJar().toString());
  }

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The client's own JNI library for this machine, copied out of its jar into {@code work} and
   * named with the system property the client reads (its README shows it), so that parallel builds
   * do not share the client's default unpack path, /tmp/.libaws-lambda-jni.so.
   */
  private static Path jniLibrary(Path work) throws IOException {
    String arch = System.getProperty("os.arch").matches("amd64|x86_64") ? "x86_64" : "aarch_64";
    String name = "libaws-lambda-jni.linux-" + arch + ".so";
    Path target = work.resolve(name);
    try (InputStream in = AWSLambda.class.getResourceAsStream("/jni/" + name)) {
      if (in == null) {
        throw new AssertionError("no /jni/" + name + " in the runtime client jar " + jarOf(AWSLambda.class));
      }
      Files.copy(in, target);
    }
    return target;
  }
}
