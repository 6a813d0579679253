package dev.s3batch.tools.cli;

import java.util.LinkedHashMap;
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

  @Option(names = "--env", paramLabel = "KEY=VALUE", description = "A variable of the function's environment; repeatable.")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900",
      description = "The function's timeout, given to it as its remaining time (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  /**
   * The function's environment: this process's environment, then the AWS options
   * ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}, {@code AWS_PROFILE}), then {@code S3BATCH_ACTION},
   * then the {@code --env} entries, each overriding the ones before.
   */
  Map<String, String> environment(AwsOptions aws) {
    Map<String, String> environment = new LinkedHashMap<>(System.getenv());
    if (aws.region() != null) {
      environment.put("AWS_REGION", aws.region());
    }
    if (aws.endpoint() != null) {
      environment.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
    }
    if (aws.profile != null) {
      environment.put("AWS_PROFILE", aws.profile);
    }
    if (action != null) {
      environment.put("S3BATCH_ACTION", action);
    }
    environment.putAll(env);
    return environment;
  }

  /** The function's timeout in seconds. */
  int timeoutSeconds() {
    return timeoutSeconds;
  }
}
