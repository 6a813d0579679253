package dev.s3batch.tools.cli;

import dev.s3batch.tools.lambdaclient.FunctionRef;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code --function NAME|ARN} and {@code --lambda-endpoint-url URL}: a deployed function, reached
 * through Lambda's Invoke API, instead of the handler run in this process ({@code invoke},
 * {@code job run-local}). The in-process function's options contradict them and are refused.
 */
public final class LambdaOptions {

  /** The options that configure the function run in this process, meaningless for a deployed one. */
  private static final List<String> IN_PROCESS = List.of("--action", "--env", "--timeout");

  @Option(names = "--function", paramLabel = "NAME|ARN",
      description = "Invoke this deployed function through Lambda's Invoke API instead of running the handler in this"
          + " process: a name, NAME:ALIAS, or an ARN; Region and credentials from --region/--profile.")
  String function;

  @Option(names = "--lambda-endpoint-url", paramLabel = "URL",
      description = "Send Invoke requests to this http(s) endpoint instead of AWS's (for example s3batch lambda serve's).")
  String lambdaEndpointUrl;

  /** True when {@code --function} was given. */
  boolean deployed() {
    return function != null;
  }

  /**
   * Refuses, before anything runs, an option that contradicts the choice of function: with
   * {@code --function}, {@code --action}, {@code --env}, {@code --timeout} and each of
   * {@code extraInProcess} (options of the in-process function); without it,
   * {@code --lambda-endpoint-url} and each of {@code deployedOnly}.
   *
   * @throws CliException exit 2 naming both options
   */
  void check(CommandSpec spec, List<String> extraInProcess, List<String> deployedOnly) {
    ParseResult given = spec.commandLine().getParseResult();
    if (deployed()) {
      for (String option : concat(IN_PROCESS, extraInProcess)) {
        if (given.hasMatchedOption(option)) {
          throw CliException.usage("--function and " + option + " contradict: " + option + " configures the function"
              + " run in this process; a deployed function has its own configuration");
        }
      }
      AwsOptions.endpoint("--lambda-endpoint-url", lambdaEndpointUrl);
      ref(null);
    } else {
      for (String option : concat(List.of("--lambda-endpoint-url"), deployedOnly)) {
        if (given.hasMatchedOption(option)) {
          throw CliException.usage(option + " needs --function NAME|ARN: without it the function runs in this process");
        }
      }
    }
  }

  /** The function, with {@code qualifier} (null for none). */
  FunctionRef ref(String qualifier) {
    try {
      return FunctionRef.of(function, qualifier);
    } catch (IllegalArgumentException e) {
      throw CliException.usage((qualifier != null ? "--function and --qualifier: " : "--function: ") + e.getMessage());
    }
  }

  /** The Lambda endpoint, or null for AWS's. */
  URI endpoint() {
    return AwsOptions.endpoint("--lambda-endpoint-url", lambdaEndpointUrl);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
