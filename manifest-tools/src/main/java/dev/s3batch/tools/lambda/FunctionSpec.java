package dev.s3batch.tools.lambda;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One function that {@link LambdaService} hosts: a Java handler in a jar or a task-root folder,
 * run under AWS's runtime interface client, or any command that speaks the Runtime API (a custom
 * runtime). The limits are Lambda's configuration settings, checked against Lambda's own bounds so
 * that a value AWS would refuse is refused here too.
 *
 * <pre>{@code
 * FunctionSpec s3batch = FunctionSpec.parse("s3batch=dev.s3batch.handler.S3BatchHandler::handleRequest@handler.jar")
 *     .withEnv(Map.of("S3BATCH_ACTION", "head"))
 *     .withTimeout(60);
 * }</pre>
 *
 * @param name the function's name, as in {@code FunctionName}
 * @param handler the Java handler ({@code class::method}), or null for a command
 * @param code the jar or task-root folder holding the handler's code, or null for a command
 * @param command the shell command line of a custom runtime, or null for a Java handler
 * @param env the function's own environment variables
 * @param timeoutSeconds the time an invocation may run (1 to 900)
 * @param memoryMb the memory setting (128 to 10,240 MB); a Java child's heap is sized from it
 * @param concurrency how many execution environments may run at once
 * @param queue how many accepted invocations may wait for a free environment before 429
 * @param qualifiers the versions and aliases it answers to besides {@code $LATEST}
 */
public record FunctionSpec(
    String name,
    String handler,
    Path code,
    String command,
    Map<String, String> env,
    int timeoutSeconds,
    int memoryMb,
    int concurrency,
    int queue,
    List<String> qualifiers) {

  /** Lambda's pattern for a bare function name. */
  static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  /** Lambda's pattern for a version or alias. */
  static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9_-]{1,128}");

  /** Defaults where the command line gives none (see README, "lambda serve"). */
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;
  public static final int DEFAULT_MEMORY_MB = 512;
  public static final int DEFAULT_CONCURRENCY = 4;
  public static final int DEFAULT_QUEUE = 100;

  public FunctionSpec {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("function name \"" + name + "\" is not 1 to 64 letters, digits, - or _");
    }
    if ((command == null) == (handler == null || code == null)) {
      throw new IllegalArgumentException("function " + name + ": give either HANDLER@CODE or a command, not "
          + (command == null ? "neither" : "both"));
    }
    if (handler != null && !handler.matches("[\\w.$]+(::[\\w$]+)?")) {
      throw new IllegalArgumentException("function " + name + ": handler \"" + handler + "\" is not class or class::method");
    }
    env = Map.copyOf(env);
    qualifiers = List.copyOf(qualifiers);
    check(name, "timeout", timeoutSeconds, 1, 900);
    check(name, "memory", memoryMb, 128, 10_240);
    check(name, "concurrency", concurrency, 1, 1_000);
    check(name, "queue", queue, 0, 100_000);
    for (String q : qualifiers) {
      if (!QUALIFIER.matcher(q).matches()) {
        throw new IllegalArgumentException("function " + name + ": qualifier \"" + q + "\" is not 1 to 128 letters, digits, - or _");
      }
    }
  }

  /**
   * Reads the {@code --function} value: {@code NAME=HANDLER@CODE} (a Java handler, its jar or
   * task-root folder) or a bare {@code NAME}, which needs {@link #withCommand}.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code cliValue}
   */
  public static FunctionSpec parse(String cliValue) {
    int eq = cliValue.indexOf('=');
    if (eq < 0) {
      return new FunctionSpec(cliValue, null, null, "", Map.of(), DEFAULT_TIMEOUT_SECONDS, DEFAULT_MEMORY_MB,
          DEFAULT_CONCURRENCY, DEFAULT_QUEUE, List.of());
    }
    String rest = cliValue.substring(eq + 1);
    int at = rest.indexOf('@');
    if (at <= 0 || at == rest.length() - 1) {
      throw new IllegalArgumentException("\"" + cliValue + "\" is not NAME=HANDLER@JAR_OR_FOLDER (or NAME with --command)");
    }
    return new FunctionSpec(cliValue.substring(0, eq), rest.substring(0, at), Path.of(rest.substring(at + 1)), null,
        Map.of(), DEFAULT_TIMEOUT_SECONDS, DEFAULT_MEMORY_MB, DEFAULT_CONCURRENCY, DEFAULT_QUEUE, List.of());
  }

  /** True when the function runs under AWS's Java runtime interface client. */
  public boolean isJava() {
    return command == null;
  }

  /** This function with {@code more} added to its environment (a later value replaces an earlier one). */
  public FunctionSpec withEnv(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(env);
    merged.putAll(more);
    return new FunctionSpec(name, handler, code, command, merged, timeoutSeconds, memoryMb, concurrency, queue, qualifiers);
  }

  /** This function run by {@code shellCommand} (a custom runtime) instead of a Java handler. */
  public FunctionSpec withCommand(String shellCommand) {
    if (shellCommand == null || shellCommand.isBlank()) {
      throw new IllegalArgumentException("function " + name + ": the command is empty");
    }
    return new FunctionSpec(name, null, null, shellCommand, env, timeoutSeconds, memoryMb, concurrency, queue, qualifiers);
  }

  public FunctionSpec withTimeout(int seconds) {
    return new FunctionSpec(name, handler, code, command, env, seconds, memoryMb, concurrency, queue, qualifiers);
  }

  public FunctionSpec withMemory(int mb) {
    return new FunctionSpec(name, handler, code, command, env, timeoutSeconds, mb, concurrency, queue, qualifiers);
  }

  public FunctionSpec withConcurrency(int environments) {
    return new FunctionSpec(name, handler, code, command, env, timeoutSeconds, memoryMb, environments, queue, qualifiers);
  }

  public FunctionSpec withQueue(int waiting) {
    return new FunctionSpec(name, handler, code, command, env, timeoutSeconds, memoryMb, concurrency, waiting, qualifiers);
  }

  /** This function answering to these versions and aliases too. */
  public FunctionSpec withQualifiers(List<String> names) {
    return new FunctionSpec(name, handler, code, command, env, timeoutSeconds, memoryMb, concurrency, queue, names);
  }

  private static void check(String name, String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("function " + name + ": " + what + " " + value + " is not between " + min + " and " + max);
    }
  }
}
