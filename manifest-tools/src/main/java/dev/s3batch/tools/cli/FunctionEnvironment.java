package dev.s3batch.tools.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a function run in this process: this process's environment, then the AWS
 * options ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}, {@code AWS_PROFILE}), then
 * {@code S3BATCH_ACTION}, then the {@code --env} entries, each overriding the ones before (as
 * {@code s3batch invoke} assembles it).
 */
final class FunctionEnvironment {

  private FunctionEnvironment() {}

  static Map<String, String> of(AwsOptions aws, String action, Map<String, String> env) {
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
}
