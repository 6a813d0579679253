package dev.s3batch.tools.cli;

import dev.s3batch.tools.lambdaclient.FunctionRef;
import dev.s3batch.tools.lambdaclient.LambdaCallException;
import dev.s3batch.tools.lambdaclient.LambdaClients;
import dev.s3batch.tools.lambdaclient.LambdaInvoke;
import dev.s3batch.tools.lambdaclient.LambdaRetry;
import dev.s3batch.handler.internal.ControlCharacters;
import dev.s3batch.tools.local.LocalInvoker;
import dev.s3batch.tools.lambdaclient.LambdaFunction;
import dev.s3batch.tools.local.BatchFunction;
import dev.s3batch.tools.local.LocalJobRunner;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The deployed function that {@code invoke --function} and {@code job run-local --function} reach through Invoke. */
final class DeployedFunction {

  /**
   * The retries of a single call a user waits for ({@code invoke}, the {@code DryRun} check): a
   * dead endpoint fails in seconds, not after the half minute a job's tasks may wait out.
   */
  private static final LambdaRetry QUICK = new LambdaRetry(4, java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(2));

  private DeployedFunction() {}

  /** A deployed function checked with {@code DryRun}, and its client; closing this closes the client. */
  static final class Target implements AutoCloseable {
    private final LambdaClient client;
    private final FunctionRef ref;

    private Target(LambdaClient client, FunctionRef ref) {
      this.client = client;
      this.ref = ref;
    }

    /** Opens the job's function on each {@link LocalJobRunner#run}; {@code log} gets log tails, null for none. */
    Supplier<BatchFunction> functions(Consumer<String> log) {
      return () -> new LambdaFunction(client, ref, log);
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /**
   * The function of {@code --function}, checked with {@code DryRun} before the first task.
   *
   * @throws CliException as {@link #check}
   */
  static Target open(LambdaOptions lambda, AwsOptions aws) {
    FunctionRef ref = lambda.ref(null);
    try (LambdaClient checking = client(lambda, aws, QUICK)) {
      check(new LambdaInvoke(checking, ref), lambda.endpoint());
    }
    return new Target(client(lambda, aws, LambdaRetry.DEFAULT), ref);
  }

  /** The Lambda client of the options: Region and credentials resolved now (exit 2 when missing). */
  static LambdaClient client(LambdaOptions lambda, AwsOptions aws, LambdaRetry retry) {
    return LambdaClients.create(aws.clients(), lambda.endpoint(), retry);
  }

  /**
   * Sends {@code DryRun} before anything else, so a mistyped name or a missing permission stops
   * the command before its first task.
   *
   * @throws CliException exit 2 when Lambda refuses (no such function, ...), exit 1 when it cannot be reached or fails
   */
  static void check(LambdaInvoke lambda, URI endpoint) {
    try {
      lambda.dryRun("{}".getBytes(StandardCharsets.UTF_8));
    } catch (LambdaCallException e) {
      String where = endpoint != null ? " at " + endpoint : "";
      String message = "--function " + describe(lambda.function()) + where
          + (e.httpStatus().isEmpty() ? ": DryRun failed: " : ": DryRun answered ") + e.getMessage();
      if (e.httpStatus().startsWith("4")) {
        throw CliException.usage(message);
      }
      throw CliException.failed(message);
    }
  }

  /**
   * {@code invoke --function}: invokes once with {@code LogType: Tail} (the response on stdout, the
   * decoded log tail on stderr), or sends {@code DryRun}.
   *
   * @return the exit code: 3 when a task was not answered Succeeded
   * @throws CliException exit 1 on a function error or a Lambda failure, exit 2 when Lambda refused the request
   */
  static int invoke(LambdaOptions lambda, AwsOptions aws, FunctionRef ref, byte[] event, boolean dryRun,
      CommandLine commandLine) {
    PrintWriter out = commandLine.getOut();
    PrintWriter err = commandLine.getErr();
    try (LambdaClient client = client(lambda, aws, QUICK)) {
      LambdaInvoke invoke = new LambdaInvoke(client, ref);
      if (dryRun) {
        int status = invoke.dryRun(event);
        out.println("DryRun of " + ref + ": HTTP " + status + " (the function exists and may be invoked; nothing ran)");
        return ExitCodes.OK;
      }
      LambdaInvoke.Answer answer = invoke.invoke(event, true);
      answer.logTail().lines().forEach(line -> err.println(ControlCharacters.escapeKeepingBackslashes(line)));
      err.flush();
      if (answer.functionError() != null) {
        throw CliException.failed("the function failed the invocation (" + answer.functionError() + "): "
            + ControlCharacters.escapeKeepingBackslashes(answer.payloadText()));
      }
      out.println(answer.payloadText());
      return new LocalInvoker.Invocation(answer.payload(), null).allSucceeded() ? ExitCodes.OK : ExitCodes.TASKS_FAILED;
    } catch (LambdaCallException e) {
      String message = "--function " + ref + (e.httpStatus().isEmpty() ? ": " : ": Lambda answered ") + e.getMessage();
      throw e.httpStatus().startsWith("4") ? CliException.usage(message) : CliException.failed(message);
    }
  }

  private static String describe(FunctionRef f) {
    return f.toString();
  }
}
