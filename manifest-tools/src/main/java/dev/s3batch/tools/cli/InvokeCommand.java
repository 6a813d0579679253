package dev.s3batch.tools.cli;

import dev.s3batch.handler.event.SchemaVersion;
import dev.s3batch.tools.local.EventWriter;
import dev.s3batch.tools.local.LocalContext;
import dev.s3batch.tools.local.LocalInvoker;
import dev.s3batch.tools.manifest.KeyEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.s3batch.tools.lambdaclient.FunctionRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code s3batch invoke}: runs the function in this process on one event, exactly as Lambda
 * would (JSON bytes in, JSON bytes out), and prints the response JSON on stdout; the function's
 * log lines go to stderr.
 */
@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the function in this process on one event, as Lambda would, and print its response JSON.",
      "Give an event file (--event FILE, or - for stdin), or one object (--bucket, --key) to build the event for.",
      "With --function, invoke a deployed function through Lambda's Invoke API instead (LogType Tail: its log on stderr).",
      "Exit code 3 when a task was answered TemporaryFailure or PermanentFailure."
    })
public final class InvokeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--event", paramLabel = "FILE", description = "Event JSON file, or - for stdin.")
    String event;

    @ArgGroup(exclusive = false)
    ObjectSource object;
  }

  static final class ObjectSource {
    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = "Bucket of the object.")
    String bucket;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Object key, raw (it is URL-encoded into the event as in a manifest).")
    String key;

    @Option(names = "--version-id", paramLabel = "ID", description = "Version id of the object.")
    String versionId;

    @Option(names = "--schema", paramLabel = "1.0|2.0", description = "Invocation schema (default 1.0; 2.0 when --arg is given).")
    String schema;

    @Option(names = "--arg", paramLabel = "KEY=VALUE", description = "A job user argument (schema 2.0); repeatable.")
    Map<String, String> args = new LinkedHashMap<>();
  }

  @Mixin FunctionOptions function;

  @Mixin LambdaOptions lambda;

  @Option(names = "--qualifier", paramLabel = "ALIAS|VERSION", description = "With --function: the alias or version to invoke.")
  String qualifier;

  @Option(names = "--dry-run", description = "With --function: send DryRun (checks the function and your permission; runs nothing).")
  boolean dryRun;

  @Mixin AwsOptions aws;

  @Override
  public Integer call() throws IOException {
    lambda.check(spec, List.of("--endpoint-url"), List.of("--qualifier", "--dry-run"));
    FunctionRef ref = lambda.deployed() ? lambda.ref(qualifier) : null;
    byte[] event = source.event != null ? readEvent(source.event) : buildEvent(source.object);
    if (ref != null) {
      return DeployedFunction.invoke(lambda, aws, ref, event, dryRun, spec.commandLine());
    }
    Map<String, String> environment =
        function.environment(aws, source.object != null ? source.object.args : Map.of());
    aws.preflightFunction(environment);
    LocalInvoker.Invocation result =
        LocalInvoker.invoke(
            InProcessFunction.handler(environment), event,
            new LocalContext(function.timeoutSeconds() * 1000, line -> spec.commandLine().getErr().println(line)));
    if (result.functionError() != null) {
      throw CliException.failed("the function failed the invocation: " + result.functionError());
    }
    spec.commandLine().getOut().println(new String(result.output(), StandardCharsets.UTF_8));
    return result.allSucceeded() ? ExitCodes.OK : ExitCodes.TASKS_FAILED;
  }

  private static byte[] readEvent(String file) throws IOException {
    if ("-".equals(file)) {
      InputStream in = System.in;
      return in.readAllBytes();
    }
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (NoSuchFileException e) {
      throw CliException.usage("--event " + file + ": no such file");
    } catch (IOException e) {
      throw CliException.usage("--event " + file + ": cannot read it: " + e.getMessage());
    }
  }

  private static byte[] buildEvent(ObjectSource o) {
    SchemaVersion schema = SchemaChoice.of(o.schema, o.args);
    if (schema == SchemaVersion.V1_0 && !o.args.isEmpty()) {
      throw CliException.usage("--arg needs --schema 2.0: schema 1.0 events carry no user arguments");
    }
    String encoded;
    try {
      encoded = KeyEncoder.encode(o.key);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--key: " + e.getMessage());
    }
    return EventWriter.singleTask(
        schema, EventWriter.randomId(), UUID.randomUUID().toString(), o.args, EventWriter.randomId(),
        o.bucket, encoded, o.versionId);
  }
}
