package dev.s3batch.tools.cli;

import dev.s3batch.handler.internal.ControlCharacters;
import dev.s3batch.tools.lambda.FunctionSpec;
import dev.s3batch.tools.lambda.LambdaService;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code s3batch lambda serve}: the local Lambda service in the foreground until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Start a local Lambda service on 127.0.0.1 (Invoke, InvokeWithResponseStream) and keep it running until Ctrl-C.",
      "Each --function starts a group: the options after it, up to the next --function, configure that function.",
      "Java functions run in child JVMs under AWS's runtime interface client; --command runs a custom runtime.",
      "Point an SDK or the AWS CLI at it with --endpoint-url http://127.0.0.1:PORT (any credentials).",
      "Exit code 2 when an option is wrong or --port is in use (nothing is started)."
    })
public final class LambdaServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "3001", paramLabel = "PORT",
      description = "HTTP port of the Invoke API (default ${DEFAULT-VALUE}; 0 for a free one).")
  int port;

  @ArgGroup(exclusive = false, multiplicity = "1..*", heading = "%nFunctions (repeat the group for each function):%n")
  List<FunctionGroup> functions = new ArrayList<>();

  /** One {@code --function} and the options that follow it. */
  static final class FunctionGroup {
    @Option(names = "--function", required = true, paramLabel = "NAME[=HANDLER@JAR_OR_DIR]",
        description = "A function: NAME=class::method@JAR (or a task-root folder), or NAME with --command.")
    String function;

    @Option(names = "--command", paramLabel = "COMMAND",
        description = "Run this shell command as the function's runtime (it must speak the Lambda Runtime API).")
    String command;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "A variable of the function's environment; repeatable.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "SECONDS",
        description = "The function's timeout, 1 to 900 (default " + FunctionSpec.DEFAULT_TIMEOUT_SECONDS + ").")
    Integer timeout;

    @Option(names = "--memory", paramLabel = "MB", description = "The function's memory, 128 to 10240 MB; a Java"
        + " child's heap is 85%% of it, as on Lambda (default " + FunctionSpec.DEFAULT_MEMORY_MB + ").")
    Integer memory;

    @Option(names = "--concurrency", paramLabel = "N",
        description = "Execution environments that may run at once (default " + FunctionSpec.DEFAULT_CONCURRENCY + ").")
    Integer concurrency;

    @Option(names = "--queue", paramLabel = "N", description = "Invocations that may wait for a busy function before"
        + " callers get 429 TooManyRequests (default " + FunctionSpec.DEFAULT_QUEUE + ").")
    Integer queue;

    @Option(names = "--qualifier", paramLabel = "VERSION_OR_ALIAS", split = ",",
        description = "A version or alias the function answers to besides $LATEST; repeatable.")
    List<String> qualifiers = new ArrayList<>();

    FunctionSpec toSpec() {
      FunctionSpec s = FunctionSpec.parse(function);
      if (command != null) {
        if (s.isJava()) {
          throw new IllegalArgumentException("give either NAME=HANDLER@JAR_OR_DIR or --command, not both");
        }
        s = s.withCommand(command);
      }
      s = s.withEnv(env).withQualifiers(qualifiers);
      if (timeout != null) {
        s = s.withTimeout(timeout);
      }
      if (memory != null) {
        s = s.withMemory(memory);
      }
      if (concurrency != null) {
        s = s.withConcurrency(concurrency);
      }
      if (queue != null) {
        s = s.withQueue(queue);
      }
      return s;
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw CliException.usage("--port " + port + " is not a TCP port (0 to 65535)");
    }
    List<FunctionSpec> specs = new ArrayList<>();
    for (FunctionGroup group : functions) {
      try {
        specs.add(group.toSpec());
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--function " + group.function + ": " + e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    LambdaService service;
    try {
      service = LambdaService.start(specs, port, line -> {
        synchronized (out) {
          out.println(ControlCharacters.escape(line));
          out.flush();
        }
      });
    } catch (LambdaService.PortInUseException e) {
      throw CliException.usage("--port " + port + ": " + e.getMessage() + "; choose another port, or --port 0 for a free one");
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--function: " + e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "s3batch-lambda-stop"));
    synchronized (out) {
      out.println("Lambda service on " + service.endpoint() + " with " + String.join(", ", service.functions())
          + "; Ctrl-C to stop.");
      out.println("Try: curl -s -d '{}' " + service.endpoint() + "/2015-03-31/functions/"
          + service.functions().get(0) + "/invocations");
      out.flush();
    }
    stopped.await();
    return ExitCodes.OK;
  }
}
