package dev.s3batch.tools.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration of a function run in this process ({@code invoke}, {@code job run-local}):
 * {@code --action}, {@code --env}, {@code --timeout}.
 */
public final class FunctionOptions {

  @Option(names = "--action", paramLabel = "NAME", completionCandidates = ActionNames.class,
      description = "The function's action (sets S3BATCH_ACTION): ${COMPLETION-CANDIDATES}, or a user action's name.")
  String action;

  @Option(names = "--env", paramLabel = "KEY=VALUE",
      description = "A variable of the function's environment; repeatable. One that contradicts an option"
          + " (S3BATCH_ACTION and --action, AWS_REGION and --region, AWS_ENDPOINT_URL and --endpoint-url,"
          + " AWS_PROFILE and --profile) is refused.")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900",
      description = "The function's timeout, given to it as its remaining time (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  /** An option and the environment variables that carry its value to the function. */
  private record Carried(String option, String value, List<String> variables) {}

  /**
   * The function's environment: this process's environment, then the options ({@code --action},
   * {@code --region}, {@code --endpoint-url}, {@code --profile}), each replacing every inherited
   * variable that carries the same setting, then the {@code --env} entries.
   *
   * @param userArguments the job's user arguments ({@code --arg}); an {@code action} there must agree
   * @throws CliException (usage) when an {@code --env} entry or {@code --arg action=} gives a setting
   *     another value than its option does, or {@code --timeout} is outside Lambda's limit
   */
  Map<String, String> environment(AwsOptions aws, Map<String, String> userArguments) {
    return environment(aws, userArguments, System.getenv());
  }

  Map<String, String> environment(AwsOptions aws, Map<String, String> userArguments, Map<String, String> inherited) {
    if (timeoutSeconds < 1 || timeoutSeconds > 900) {
      throw CliException.usage("--timeout " + timeoutSeconds + ": the timeout must be above 0 and at most 900 seconds (Lambda's limit)");
    }
    Map<String, String> environment = new LinkedHashMap<>(inherited);
    for (Carried c : carried(aws)) {
      for (String variable : c.variables()) {
        String given = env.get(variable);
        if (given != null && !same(given, c.value())) {
          throw CliException.usage(c.option() + " " + c.value() + " and --env " + variable + "=" + given
              + " disagree: give one of them");
        }
        environment.put(variable, c.value());
      }
    }
    environment.putAll(env);
    String argAction = userArguments.get("action");
    String explicit = action != null ? action : env.get("S3BATCH_ACTION");
    if (argAction != null && explicit != null && !argAction.equals(explicit)) {
      throw CliException.usage((action != null ? "--action " : "--env S3BATCH_ACTION=") + explicit
          + " and --arg action=" + argAction + " disagree: give one of them");
    }
    return environment;
  }

  private List<Carried> carried(AwsOptions aws) {
    List<Carried> carried = new ArrayList<>();
    if (action != null) {
      carried.add(new Carried("--action", action, List.of("S3BATCH_ACTION")));
    }
    if (aws.region() != null) {
      carried.add(new Carried("--region", aws.region(), List.of("AWS_REGION", "AWS_DEFAULT_REGION")));
    }
    if (aws.endpoint() != null) {
      carried.add(new Carried("--endpoint-url", aws.endpoint().toString(), List.of("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3")));
    }
    if (aws.profile != null) {
      carried.add(new Carried("--profile", aws.profile, List.of("AWS_PROFILE")));
    }
    return carried;
  }

  /** The same setting (an endpoint with or without its trailing slash is the same). */
  private static boolean same(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The function's timeout in seconds. */
  int timeoutSeconds() {
    return timeoutSeconds;
  }
}
