package dev.s3batch.tools.job;

import java.util.Map;

/**
 * Finds the account id that every S3 Control call sends in {@code x-amz-account-id}: the
 * {@code --account-id} option, else {@code S3BATCH_ACCOUNT_ID}, else {@code AWS_ACCOUNT_ID}. There is
 * deliberately no STS call: the tool needs no permission beyond S3 Control's.
 */
public final class AccountIds {

  /** The environment variables read, in order. */
  public static final String[] VARIABLES = {"S3BATCH_ACCOUNT_ID", "AWS_ACCOUNT_ID"};

  private AccountIds() {}

  /** The account id from the option or the environment. */
  public static String resolve(String option, Map<String, String> env) {
    if (option != null) {
      return check("--account-id", option);
    }
    for (String name : VARIABLES) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return check(name, value.trim());
      }
    }
    throw new JobInputException(
        "--account-id is required (or set S3BATCH_ACCOUNT_ID or AWS_ACCOUNT_ID): S3 Control needs the 12-digit account id");
  }

  /** Checks that a value is a 12-digit account id; returns it. */
  public static String check(String where, String value) {
    if (!value.matches("\\d{12}")) {
      throw new JobInputException(where + " \"" + value + "\" is not a 12-digit AWS account id");
    }
    return value;
  }
}
