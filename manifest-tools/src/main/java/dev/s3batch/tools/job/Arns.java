package dev.s3batch.tools.job;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the ARNs a job names: the Lambda function (unqualified, or with an alias or version, kept
 * as given) and the IAM role that S3 Batch Operations assumes. Both carry the partition and the
 * account id that the job's other ARNs and its {@code AccountId} are derived from.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_LambdaInvokeOperation.html">LambdaInvokeOperation</a>
 */
public final class Arns {

  private static final Pattern FUNCTION =
      Pattern.compile("arn:(aws[a-z-]*):lambda:([a-z]{2}(-[a-z]+)+-\\d):(\\d{12}):function:([A-Za-z0-9_-]{1,64})(:(\\$LATEST|[A-Za-z0-9_-]{1,128}))?");
  private static final Pattern ROLE =
      Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/[A-Za-z0-9+=,.@_/-]{1,512}");

  private Arns() {}

  /** Checks a function ARN; returns it unchanged. */
  public static String function(String option, String arn) {
    if (arn == null || arn.isBlank()) {
      throw new JobInputException(option + " is required: the ARN of the Lambda function the job invokes");
    }
    if (!FUNCTION.matcher(arn).matches()) {
      throw new JobInputException(option + " \"" + arn + "\" is not a Lambda function ARN: expected "
          + "arn:aws:lambda:REGION:ACCOUNT_ID:function:NAME, optionally ending in :ALIAS or :VERSION");
    }
    return arn;
  }

  /** Checks a role ARN; returns it unchanged. */
  public static String role(String option, String arn) {
    if (arn == null || arn.isBlank()) {
      throw new JobInputException(option + " is required: the ARN of the IAM role S3 Batch Operations assumes");
    }
    if (!ROLE.matcher(arn).matches()) {
      throw new JobInputException(option + " \"" + arn + "\" is not an IAM role ARN: expected "
          + "arn:aws:iam::ACCOUNT_ID:role/NAME");
    }
    return arn;
  }

  /** The account id of a checked role ARN. */
  public static String roleAccount(String roleArn) {
    Matcher m = ROLE.matcher(roleArn);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a role ARN: " + roleArn);
    }
    return m.group(2);
  }

  /** The partition ({@code aws}, {@code aws-cn}, ...) of a checked role ARN. */
  public static String rolePartition(String roleArn) {
    Matcher m = ROLE.matcher(roleArn);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a role ARN: " + roleArn);
    }
    return m.group(1);
  }
}
