package dev.s3batch.handler.event;

import java.util.List;
import java.util.Objects;

/**
 * The event S3 Batch Operations sends a Lambda function: schema 1.0 or 2.0, one invocation id,
 * the job, and the tasks to answer (one today, but a handler answers every one it gets).
 *
 * <pre>{@code
 * BatchEvent event = EventReader.read(inputStream);
 * for (BatchTask task : event.tasks()) { ... }
 * }</pre>
 *
 * @param invocationSchemaVersion the schema, echoed in the response
 * @param invocationId the invocation id, echoed in the response
 * @param job the job
 * @param tasks the tasks, in the order received
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-invoke-lambda.html">Invoking
 *     an AWS Lambda function from S3 Batch Operations</a>
 */
public record BatchEvent(
    SchemaVersion invocationSchemaVersion, String invocationId, BatchJob job, List<BatchTask> tasks) {
  public BatchEvent {
    Objects.requireNonNull(invocationSchemaVersion, "invocationSchemaVersion");
    Objects.requireNonNull(invocationId, "invocationId");
    Objects.requireNonNull(job, "job");
    tasks = List.copyOf(tasks);
  }
}
