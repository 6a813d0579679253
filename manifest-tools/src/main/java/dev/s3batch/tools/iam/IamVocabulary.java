package dev.s3batch.tools.iam;

import java.util.Set;

/**
 * The names {@link PolicyValidator} accepts: IAM actions of the services these policies use,
 * and IAM's condition operators. An action missing here is a typo until proven otherwise.
 *
 * @see <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html">Actions
 *     defined by Amazon S3</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM
 *     condition operators</a>
 */
final class IamVocabulary {

  static final Set<String> ACTIONS = Set.of(
      "s3:AbortMultipartUpload", "s3:BypassGovernanceRetention", "s3:CreateBucket", "s3:CreateJob",
      "s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:DeleteJobTagging", "s3:DeleteObject",
      "s3:DeleteObjectTagging", "s3:DeleteObjectVersion", "s3:DeleteObjectVersionTagging", "s3:DescribeJob",
      "s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetBucketPolicy", "s3:GetBucketTagging",
      "s3:GetBucketVersioning", "s3:GetInventoryConfiguration", "s3:GetJobTagging", "s3:GetObject",
      "s3:GetObjectAcl", "s3:GetObjectAttributes", "s3:GetObjectLegalHold", "s3:GetObjectRetention",
      "s3:GetObjectTagging", "s3:GetObjectVersion", "s3:GetObjectVersionAcl", "s3:GetObjectVersionAttributes",
      "s3:GetObjectVersionForReplication", "s3:GetObjectVersionTagging", "s3:InitiateReplication",
      "s3:ListAllMyBuckets", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:ListBucketVersions",
      "s3:ListJobs", "s3:ListMultipartUploadParts", "s3:ObjectOwnerOverrideToBucketOwner",
      "s3:PutBucketTagging", "s3:PutBucketVersioning", "s3:PutInventoryConfiguration", "s3:PutJobTagging",
      "s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectLegalHold", "s3:PutObjectRetention",
      "s3:PutObjectTagging", "s3:PutObjectVersionAcl", "s3:PutObjectVersionTagging", "s3:ReplicateDelete",
      "s3:ReplicateObject", "s3:ReplicateTags", "s3:RestoreObject", "s3:UpdateJobPriority",
      "s3:UpdateJobStatus",
      "lambda:InvokeFunction", "lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:ListFunctions",
      "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups",
      "logs:DescribeLogStreams",
      "sts:AssumeRole",
      "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
      "iam:PassRole");

  static final Set<String> CONDITION_OPERATORS = Set.of(
      "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
      "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
      "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
      "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
      "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");

  static final Set<String> STATEMENT_KEYS = Set.of(
      "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");

  private IamVocabulary() {}

  /** Whether {@code operator} is an IAM condition operator, with its optional set prefix and IfExists suffix. */
  static boolean isConditionOperator(String operator) {
    String op = operator;
    if (op.startsWith("ForAllValues:")) {
      op = op.substring("ForAllValues:".length());
    } else if (op.startsWith("ForAnyValue:")) {
      op = op.substring("ForAnyValue:".length());
    }
    if (op.endsWith("IfExists") && !op.equals("IfExists")) {
      op = op.substring(0, op.length() - "IfExists".length());
    }
    return CONDITION_OPERATORS.contains(op);
  }
}
