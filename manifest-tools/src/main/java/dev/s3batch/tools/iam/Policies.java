package dev.s3batch.tools.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The policy documents, with {@code Fn::Sub}-style placeholders ({@code ${AccountId}},
 * {@code ${FunctionName}}; see {@code iam/README.md}): the job role's trust and permissions,
 * the manifest generator's add-on, the function role's trust, logging and per-action policies.
 * {@link Placeholders} fills them in.
 */
public final class Policies {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The function, unqualified. */
  public static final String FUNCTION = "arn:aws:lambda:${Region}:${AccountId}:function:${FunctionName}";
  /** The function's log group (CreateLogGroup acts on the group itself). */
  public static final String LOG_GROUP = "arn:aws:logs:${Region}:${AccountId}:log-group:/aws/lambda/${FunctionName}";

  private Policies() {}

  /** Trust for the job role: S3 Batch Operations, for jobs of this account only. */
  public static ObjectNode jobRoleTrust() {
    ObjectNode s = statement("BatchOperationsJobsOfThisAccount");
    s.putObject("Principal").put("Service", "batchoperations.s3.amazonaws.com");
    s.put("Action", "sts:AssumeRole");
    ObjectNode condition = s.putObject("Condition");
    condition.putObject("StringEquals").put("aws:SourceAccount", "${AccountId}");
    condition.putObject("ArnLike").put("aws:SourceArn", "arn:aws:s3:${Region}:${AccountId}:job/*");
    return document(s);
  }

  /** The job role's permissions: invoke the function, read the manifest, write the report. */
  public static ObjectNode jobRolePermissions() {
    return document(
        statement("InvokeTheFunctionAndItsVersionsAndAliases", List.of("lambda:InvokeFunction"),
            List.of(FUNCTION, FUNCTION + ":*")),
        statement("ReadTheManifestObject", List.of("s3:GetObject", "s3:GetObjectVersion"),
            List.of("arn:aws:s3:::${ManifestBucket}/${ManifestKey}")),
        statement("WriteTheCompletionReportUnderItsPrefix", List.of("s3:PutObject"),
            List.of("arn:aws:s3:::${ReportBucket}/${ReportPrefix}*")));
  }

  /** What S3's manifest generator needs: list the source bucket, write and read back the generated manifest. */
  public static ObjectNode manifestGenerator() {
    return document(
        statement("ListTheSourceBucketToGenerateTheManifest", List.of("s3:ListBucket"),
            List.of("arn:aws:s3:::${SourceBucket}")),
        statement("WriteAndReadTheGeneratedManifest", List.of("s3:PutObject", "s3:GetObject", "s3:GetObjectVersion"),
            List.of("arn:aws:s3:::${ManifestBucket}/${ManifestPrefix}*")));
  }

  /** Trust for the function's execution role: Lambda. */
  public static ObjectNode functionRoleTrust() {
    ObjectNode s = statement("LambdaRunsTheFunction");
    s.putObject("Principal").put("Service", "lambda.amazonaws.com");
    s.put("Action", "sts:AssumeRole");
    return document(s);
  }

  /** A function role's policy of these grants, with the log-group statements first when {@code withLogging}. */
  public static ObjectNode functionRole(List<Grant> grants, boolean withLogging) {
    ArrayNode statements = JSON.arrayNode();
    if (withLogging) {
      statements.add(statement("CreateTheFunctionLogGroup", List.of("logs:CreateLogGroup"), List.of(LOG_GROUP)));
      statements.add(statement("WriteTheFunctionLogStreams", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
          List.of(LOG_GROUP + ":*")));
    }
    for (Grant g : grants) {
      statements.add(statement(g.sid(), g.actions(), List.of(g.scope().resource())));
    }
    ObjectNode doc = JSON.objectNode();
    doc.put("Version", "2012-10-17");
    doc.set("Statement", statements);
    return doc;
  }

  /** The policy of a built-in action, with logging. */
  public static ObjectNode functionRole(String action) {
    return functionRole(ActionPermissions.grants(action).orElseThrow(
        () -> new IllegalArgumentException("unknown action " + action)), true);
  }

  /** An add-on policy, without logging. */
  public static ObjectNode functionRoleAddOn(String addOn) {
    return functionRole(ActionPermissions.addOn(addOn).orElseThrow(
        () -> new IllegalArgumentException("unknown add-on " + addOn)), false);
  }

  /**
   * The report page function's role ({@code iam/report-page.yaml}): its log group, and reading the
   * report prefix, nothing else: GetObject of its files (whole or ranged), and ListBucket limited
   * to the prefix (to find the newest job under it, and so a missing file is 404, not 403).
   */
  public static ObjectNode reportPageRole() {
    ObjectNode list = statement("ListOnlyTheReportPrefix", List.of("s3:ListBucket"), List.of("arn:aws:s3:::${ReportBucket}"));
    list.putObject("Condition").putObject("StringLike").put("s3:prefix", "${ReportPrefix}*");
    return document(
        statement("CreateTheFunctionLogGroup", List.of("logs:CreateLogGroup"), List.of(LOG_GROUP)),
        statement("WriteTheFunctionLogStreams", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            List.of(LOG_GROUP + ":*")),
        statement("ReadTheReportFiles", List.of("s3:GetObject"), List.of("arn:aws:s3:::${ReportBucket}/${ReportPrefix}*")),
        list);
  }

  private static ObjectNode document(ObjectNode... statements) {
    ObjectNode doc = JSON.objectNode();
    doc.put("Version", "2012-10-17");
    ArrayNode array = doc.putArray("Statement");
    for (ObjectNode s : statements) {
      array.add(s);
    }
    return doc;
  }

  private static ObjectNode statement(String sid) {
    ObjectNode s = JSON.objectNode();
    s.put("Sid", sid);
    s.put("Effect", "Allow");
    return s;
  }

  private static ObjectNode statement(String sid, List<String> actions, List<String> resources) {
    ObjectNode s = statement(sid);
    s.set("Action", list(actions));
    s.set("Resource", list(resources));
    return s;
  }

  private static ArrayNode list(List<String> values) {
    ArrayNode a = JSON.arrayNode();
    values.forEach(a::add);
    return a;
  }
}
