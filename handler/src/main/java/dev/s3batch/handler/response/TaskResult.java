package dev.s3batch.handler.response;

import java.util.Objects;

/**
 * One entry of a response's {@code results}: the task id echoed from the event, the result
 * code, and a one-line result string for the completion report.
 *
 * <pre>{@code
 * { "taskId": "dGFza2lkZ29lc2hlcmUK", "resultCode": "Succeeded", "resultString": "..." }
 * }</pre>
 *
 * @param taskId the task id, exactly as received
 * @param resultCode the outcome
 * @param resultString the message; already one line and bounded (see {@code ResultStrings})
 */
public record TaskResult(String taskId, ResultCode resultCode, String resultString) {
  public TaskResult {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(resultCode, "resultCode");
    Objects.requireNonNull(resultString, "resultString");
  }
}
