package dev.s3batch.tools.lambda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code FunctionName} as Invoke accepts it: a name ({@code my-function}), a name with a version
 * or alias ({@code my-function:v1}), a full ARN
 * ({@code arn:aws:lambda:us-west-2:123456789012:function:my-function[:v1]}) or a partial one
 * ({@code 123456789012:function:my-function}), per the pattern of the Lambda service model.
 *
 * @param name the bare function name
 * @param qualifier the version or alias the name carries, or null
 * @param region the region of a full ARN, or null
 * @param account the account of a full or partial ARN, or null
 */
record FunctionName(String name, String qualifier, String region, String account) {

  /**
   * Lambda's pattern for Invoke's FunctionName, as its validation message shows it (recorded from
   * AWS by LocalStack's snapshot tests, 2025).
   */
  static final String AWS_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?"
      + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?";
  /** Lambda's length limit for Invoke's FunctionName. */
  static final int MAX_LENGTH = 170;

  /** {@link #AWS_PATTERN} with groups for its parts. */
  private static final Pattern PATTERN = Pattern.compile(
      "(arn:(aws[a-zA-Z-]*)?:lambda:)?(?<region>(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(?<account>\\d{12}:)?"
          + "(function:)?(?<name>[a-zA-Z0-9-_.]+)(:(?<qualifier>\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?");

  /** The account the local service's ARNs name. */
  static final String LOCAL_ACCOUNT = "123456789012";

  /** Reads {@code value}; null when it does not fit the pattern (its length is not checked). */
  static FunctionName parse(String value) {
    if (value.isEmpty()) {
      return null;
    }
    Matcher m = PATTERN.matcher(value);
    if (!m.matches()) {
      return null;
    }
    return new FunctionName(m.group("name"), m.group("qualifier"), strip(m.group("region")), strip(m.group("account")));
  }

  /** The ARN of this function in the local service, with {@code qualifier} when given. */
  String arn(String defaultRegion, String withQualifier) {
    return "arn:aws:lambda:" + (region == null ? defaultRegion : region) + ":" + (account == null ? LOCAL_ACCOUNT : account)
        + ":function:" + name + (withQualifier == null ? "" : ":" + withQualifier);
  }

  private static String strip(String part) {
    return part == null ? null : part.substring(0, part.length() - 1);
  }
}
