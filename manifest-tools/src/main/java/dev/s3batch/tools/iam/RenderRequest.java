package dev.s3batch.tools.iam;

/**
 * What {@code s3batch iam render} was given, as typed (nulls for options not given).
 *
 * @param functionArn {@code --function-arn}
 * @param manifest {@code --manifest}: {@code s3://bucket/key}, or with a generator the output location {@code s3://bucket/prefix}
 * @param report {@code --report}: {@code s3://bucket/prefix}
 * @param sourceBucket {@code --source-bucket}
 * @param destinationBucket {@code --destination-bucket}
 * @param action {@code --action}
 * @param accountId {@code --account-id}
 * @param region {@code --region}
 * @param manifestGenerator {@code --manifest-generator}
 * @param acl {@code --acl}: the copy sets a canned ACL
 */
public record RenderRequest(
    String functionArn, String manifest, String report, String sourceBucket, String destinationBucket,
    String action, String accountId, String region, boolean manifestGenerator, boolean acl) {}
