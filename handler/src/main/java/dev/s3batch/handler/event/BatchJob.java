package dev.s3batch.handler.event;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code job} object of an invocation: the job id and, in schema 2.0, the job's
 * {@code userArguments} (a string-to-string map of 1 to 10 entries set at CreateJob).
 *
 * <pre>{@code
 * "job": { "id": "f3cc4f60-61f6-4a2b-8a21-d07600c373ce", "userArguments": { "k1": "v1" } }
 * }</pre>
 *
 * @param id the job id, echoed in logs
 * @param userArguments the job's user arguments; empty in schema 1.0 or when the job has none
 */
public record BatchJob(String id, Map<String, String> userArguments) {
  public BatchJob {
    Objects.requireNonNull(id, "id");
    userArguments = Map.copyOf(userArguments);
  }
}
