package dev.s3batch.handler.response;

import java.util.List;
import java.util.Objects;

/**
 * The response to one invocation, the same shape for schema 1.0 and 2.0. The handler echoes
 * {@code invocationSchemaVersion} and {@code invocationId} and answers each task.
 *
 * <pre>{@code
 * { "invocationSchemaVersion": "1.0", "treatMissingKeysAs": "PermanentFailure",
 *   "invocationId": "YXNkbGZq...", "results": [ { "taskId": "...", "resultCode": "Succeeded",
 *   "resultString": "..." } ] }
 * }</pre>
 *
 * @param invocationSchemaVersion echoed from the event
 * @param treatMissingKeysAs undocumented by AWS; every AWS example sends {@code PermanentFailure}
 * @param invocationId echoed from the event
 * @param results one per task of the event, in the event's order
 */
public record BatchResponse(
    String invocationSchemaVersion,
    ResultCode treatMissingKeysAs,
    String invocationId,
    List<TaskResult> results) {
  public BatchResponse {
    Objects.requireNonNull(invocationSchemaVersion, "invocationSchemaVersion");
    Objects.requireNonNull(treatMissingKeysAs, "treatMissingKeysAs");
    Objects.requireNonNull(invocationId, "invocationId");
    results = List.copyOf(results);
  }

  /** A response with {@code treatMissingKeysAs: PermanentFailure}, as in every AWS example. */
  public static BatchResponse of(String schemaVersion, String invocationId, List<TaskResult> results) {
    return new BatchResponse(schemaVersion, ResultCode.PermanentFailure, invocationId, results);
  }
}
