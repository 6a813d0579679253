package dev.s3batch.handler.event;

import java.util.Optional;

/**
 * The {@code invocationSchemaVersion} of an S3 Batch Operations invocation, spelled as on the wire.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-invoke-lambda.html">Invoking
 *     an AWS Lambda function from S3 Batch Operations</a>
 */
public enum SchemaVersion {
  /** The default schema: tasks name their bucket by ARN in {@code s3BucketArn}. */
  V1_0("1.0"),
  /** Required for directory buckets and user arguments: {@code s3Bucket}, {@code job.userArguments}. */
  V2_0("2.0");

  private final String wire;

  SchemaVersion(String wire) {
    this.wire = wire;
  }

  /** The value as S3 sends it, {@code "1.0"} or {@code "2.0"}. */
  public String wire() {
    return wire;
  }

  /** The version for a wire value, or empty for one this handler does not know. */
  public static Optional<SchemaVersion> fromWire(String value) {
    for (SchemaVersion v : values()) {
      if (v.wire.equals(value)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
