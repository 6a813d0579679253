package dev.s3batch.tools.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Starts one execution environment of a function: for Java, a child JVM with Lambda's java17
 * runtime flags running AWS's runtime interface client ({@code java -cp CLIENT AWSLambda HANDLER},
 * the function's code in {@code LAMBDA_TASK_ROOT}, which the client loads it from); for a custom
 * runtime, its command under {@code /bin/sh -c}. Either way with the variables Lambda sets.
 *
 * @param spec the function
 * @param taskRoot the Java function's task root, or null for a command
 * @param clientJars the runtime interface client's classpath (Java only)
 * @param jni the client's JNI library, extracted once for the service (Java only)
 * @param region the region the function is told it runs in
 * @param inherited the service's own environment: PATH and AWS credentials are passed through
 */
record Launcher(FunctionSpec spec, Path taskRoot, List<Path> clientJars, Path jni, String region,
    Map<String, String> inherited) {

  /** Variables the service sets that a function's {@code --env} may not replace. */
  static final Set<String> RESERVED = Set.of("_HANDLER", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT",
      "LAMBDA_RUNTIME_DIR", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION",
      "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME");

  private static final List<String> PASSED_THROUGH = List.of("PATH", "HOME", "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

  /** Starts an environment whose Runtime API is {@code runtimeApi} ({@code host:port}). */
  Process start(String runtimeApi) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
    if (taskRoot != null) {
      builder.directory(taskRoot.toFile());
    }
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(environment(runtimeApi));
    return builder.start();
  }

  List<String> command() {
    if (!spec.isJava()) {
      return List.of("/bin/sh", "-c", spec.command());
    }
    long kb = spec.memoryMb() * 1024L;
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-XX:MaxHeapSize=" + (kb * 85 / 100) + "k",
        "-XX:MaxMetaspaceSize=" + (kb * 10 / 100) + "k",
        "-XX:ReservedCodeCacheSize=" + (kb * 5 / 100) + "k",
        "-XX:+UseSerialGC",
        "-XX:+TieredCompilation",
        "-XX:TieredStopAtLevel=1",
        "-Xshare:auto",
        "-Djava.net.preferIPv4Stack=true",
        "-D" + RuntimeJars.JNI_PROPERTY + "=" + jni,
        "-cp", String.join(File.pathSeparator, clientJars.stream().map(Path::toString).toList()),
        RuntimeJars.MAIN_CLASS,
        spec.handler()));
    return command;
  }

  Map<String, String> environment(String runtimeApi) {
    Map<String, String> env = new HashMap<>();
    for (String name : PASSED_THROUGH) {
      if (inherited.containsKey(name)) {
        env.put(name, inherited.get(name));
      }
    }
    env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("AWS_REGION", region);
    env.put("AWS_DEFAULT_REGION", region);
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    env.putAll(spec.env());
    env.put("_HANDLER", spec.isJava() ? spec.handler() : spec.name());
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    if (taskRoot != null) {
      env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
      env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
      env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
    }
    env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
        + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", ""));
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    return env;
  }
}
