package dev.s3batch.tools.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3batch.tools.aws.S3Uri;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the concrete policies of one deployment from {@link Policies} and
 * {@link ActionPermissions}: the job role's trust and permissions (with the manifest generator's
 * statements when asked) and the function role's trust and permissions (the action's policy,
 * with the ACL add-on when asked). Every policy it returns passes {@link PolicyValidator}.
 *
 * <pre>{@code
 * Map<String, ObjectNode> files = IamRenderer.render(new RenderRequest(
 *     "arn:aws:lambda:us-east-1:123456789012:function:s3batch", "s3://m/manifest.csv",
 *     "s3://r/reports", "src", null, "head", null, null, false, false));
 * files.keySet(); // job-role-trust.json, job-role-permissions.json, function-role-trust.json, ...
 * }</pre>
 */
public final class IamRenderer {

  private static final Pattern FUNCTION_ARN = Pattern.compile(
      "arn:aws:lambda:([a-z]{2}(?:-gov)?-[a-z]+-\\d):(\\d{12}):function:([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9$_-]{1,128}))?");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");

  private IamRenderer() {}

  /**
   * The policies by file name, in the order a user creates them.
   *
   * @throws IamInputException for bad input, naming the option
   */
  public static Map<String, ObjectNode> render(RenderRequest r) {
    Map<String, String> values = values(r);
    Map<String, ObjectNode> files = new LinkedHashMap<>();
    files.put("job-role-trust.json", Placeholders.fill(Policies.jobRoleTrust(), values));
    ObjectNode job = Policies.jobRolePermissions();
    if (r.manifestGenerator()) {
      append(job, Policies.manifestGenerator());
    }
    files.put("job-role-permissions.json", Placeholders.fill(job, values));
    files.put("function-role-trust.json", Placeholders.fill(Policies.functionRoleTrust(), values));
    ObjectNode function = Policies.functionRole(r.action());
    if (r.acl()) {
      append(function, Policies.functionRoleAddOn(ActionPermissions.ACL_ADD_ON));
    }
    files.put("function-role-permissions.json", Placeholders.fill(function, values));
    files.forEach(PolicyValidator::check);
    return files;
  }

  private static Map<String, String> values(RenderRequest r) {
    Matcher fn = FUNCTION_ARN.matcher(required(r.functionArn(), "--function-arn"));
    if (!fn.matches()) {
      throw new IamInputException("--function-arn", "\"" + r.functionArn()
          + "\" is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER])");
    }
    String action = required(r.action(), "--action");
    if (ActionPermissions.grants(action).isEmpty()) {
      throw new IamInputException("--action", "unknown action \"" + action + "\"; built-in actions: "
          + String.join(", ", ActionPermissions.actions()));
    }
    String account = r.accountId() == null ? fn.group(2) : r.accountId();
    if (!ACCOUNT.matcher(account).matches()) {
      throw new IamInputException("--account-id", "\"" + account + "\" is not a 12-digit account id");
    }
    if (!account.equals(fn.group(2))) {
      throw new IamInputException("--account-id", account + " differs from the account of --function-arn ("
          + fn.group(2) + "): a job invokes a function of its own account");
    }
    String region = r.region() == null ? fn.group(1) : r.region();
    if (!REGION.matcher(region).matches()) {
      throw new IamInputException("--region", "\"" + region + "\" is not a Region name such as us-east-1");
    }
    if (!region.equals(fn.group(1))) {
      throw new IamInputException("--region", region + " differs from the Region of --function-arn ("
          + fn.group(1) + "): a job invokes a function of its own Region");
    }
    S3Uri manifest = location("--manifest", required(r.manifest(), "--manifest"));
    if (!r.manifestGenerator() && manifest.key().isEmpty()) {
      throw new IamInputException("--manifest", "\"" + r.manifest() + "\" names no object: give s3://BUCKET/KEY"
          + " (or add --manifest-generator to give the generated manifest's location)");
    }
    S3Uri report = location("--report", required(r.report(), "--report"));
    String source = bucket("--source-bucket", required(r.sourceBucket(), "--source-bucket"));
    String destination = r.destinationBucket() == null ? null : bucket("--destination-bucket", r.destinationBucket());
    if (ActionPermissions.needsDestination(action) && destination == null) {
      throw new IamInputException("--destination-bucket", "action \"" + action + "\" writes to a destination bucket:"
          + " name it");
    }
    if (!ActionPermissions.needsDestination(action) && destination != null) {
      throw new IamInputException("--destination-bucket", "action \"" + action + "\" writes to no destination bucket");
    }
    if (r.acl() && !ActionPermissions.actionsFor(ActionPermissions.ACL_ADD_ON).contains(action)) {
      throw new IamInputException("--acl", "only "
          + String.join(" and ", ActionPermissions.actionsFor(ActionPermissions.ACL_ADD_ON)) + " set ACLs");
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("AccountId", account);
    values.put("Region", region);
    values.put("FunctionName", fn.group(3));
    values.put("ManifestBucket", manifest.bucket());
    values.put("ManifestKey", manifest.key());
    values.put("ManifestPrefix", manifest.prefix());
    values.put("ReportBucket", report.bucket());
    values.put("ReportPrefix", report.prefix());
    values.put("SourceBucket", source);
    values.put("DestinationBucket", destination == null ? "" : destination);
    return values;
  }

  /** Parses {@code s3://bucket[/key]} given to {@code option}. */
  private static S3Uri location(String option, String text) {
    // requireS3's message starts with the option, which IamInputException adds itself
    return S3Uri.requireS3(option, text, m -> new IamInputException(option, m.substring(option.length() + 1)));
  }

  static String bucket(String option, String name) {
    if (S3Uri.bucketNameProblem(name).isPresent()) {
      throw new IamInputException(option, "\"" + name + "\" is not a bucket name (3 to 63 lower-case letters,"
          + " digits, dots and hyphens)");
    }
    return name;
  }

  private static String required(String value, String option) {
    if (value == null || value.isBlank()) {
      throw new IamInputException(option, "required");
    }
    return value.strip();
  }

  private static void append(ObjectNode policy, ObjectNode more) {
    ((ArrayNode) policy.get("Statement")).addAll((ArrayNode) more.get("Statement"));
  }
}
