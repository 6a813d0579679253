package dev.s3batch.tools.job;

import java.util.Map;
import software.amazon.awssdk.services.s3control.model.JobOperation;
import software.amazon.awssdk.services.s3control.model.LambdaInvokeOperation;

/**
 * The {@code Operation.LambdaInvoke} of a job: function ARN, invocation schema and user arguments,
 * checked against CreateJob's limits (1 to 10 arguments, keys 1 to 64 characters, values up to
 * 1,024; arguments need schema 2.0).
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_LambdaInvokeOperation.html">LambdaInvokeOperation</a>
 */
public final class LambdaOperations {

  /** Most user arguments a job may carry. */
  public static final int MAX_ARGUMENTS = 10;
  /** Longest argument key. */
  public static final int MAX_KEY_LENGTH = 64;
  /** Longest argument value. */
  public static final int MAX_VALUE_LENGTH = 1024;

  private LambdaOperations() {}

  /** The operation; {@code schema} null means 2.0 when there are arguments, else 1.0. */
  public static JobOperation of(String functionArn, String schema, Map<String, String> arguments) {
    String function = Arns.function("--function-arn", functionArn);
    String version = schema(schema, arguments);
    checkArguments(arguments);
    LambdaInvokeOperation.Builder lambda =
        LambdaInvokeOperation.builder().functionArn(function).invocationSchemaVersion(version);
    if (!arguments.isEmpty()) {
      lambda.userArguments(arguments);
    }
    return JobOperation.builder().lambdaInvoke(lambda.build()).build();
  }

  private static String schema(String schema, Map<String, String> arguments) {
    if (schema == null) {
      return arguments.isEmpty() ? "1.0" : "2.0";
    }
    if (!schema.equals("1.0") && !schema.equals("2.0")) {
      throw new JobInputException("--schema \"" + schema + "\" is not 1.0 or 2.0");
    }
    if (schema.equals("1.0") && !arguments.isEmpty()) {
      throw new JobInputException("--arg needs --schema 2.0: schema 1.0 invocations carry no user arguments");
    }
    return schema;
  }

  private static void checkArguments(Map<String, String> arguments) {
    if (arguments.size() > MAX_ARGUMENTS) {
      throw new JobInputException("--arg given " + arguments.size() + " times: a job carries at most "
          + MAX_ARGUMENTS + " user arguments");
    }
    for (Map.Entry<String, String> e : arguments.entrySet()) {
      String key = e.getKey();
      if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
        throw new JobInputException("--arg \"" + abbreviate(key) + "\": a key has 1 to " + MAX_KEY_LENGTH
            + " characters, this one " + key.length());
      }
      String value = e.getValue() == null ? "" : e.getValue();
      if (value.length() > MAX_VALUE_LENGTH) {
        throw new JobInputException("--arg " + key + ": a value has at most " + MAX_VALUE_LENGTH
            + " characters, this one " + value.length());
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
