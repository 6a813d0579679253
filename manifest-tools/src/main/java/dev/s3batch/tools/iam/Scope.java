package dev.s3batch.tools.iam;

/**
 * What a function-role statement is scoped to: the objects or the bucket itself, of the source
 * or of the destination bucket. Each scope is one resource ARN with {@code Fn::Sub}-style
 * placeholders ({@code ${SourceBucket}}).
 */
public enum Scope {
  /** Every object of the source bucket. */
  SOURCE_OBJECTS("arn:aws:s3:::${SourceBucket}/*"),
  /** The source bucket (bucket-level actions such as {@code s3:ListBucket}). */
  SOURCE_BUCKET("arn:aws:s3:::${SourceBucket}"),
  /** Every object of the destination bucket. */
  DESTINATION_OBJECTS("arn:aws:s3:::${DestinationBucket}/*"),
  /** The destination bucket (bucket-level actions such as {@code s3:ListBucketMultipartUploads}). */
  DESTINATION_BUCKET("arn:aws:s3:::${DestinationBucket}");

  private final String resource;

  Scope(String resource) {
    this.resource = resource;
  }

  /** The resource ARN with placeholders. */
  public String resource() {
    return resource;
  }

  /** Whether the scope is in the destination bucket. */
  public boolean destination() {
    return this == DESTINATION_OBJECTS || this == DESTINATION_BUCKET;
  }
}
