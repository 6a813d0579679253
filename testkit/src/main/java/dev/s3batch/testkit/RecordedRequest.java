package dev.s3batch.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request that passed through a {@link RecordingProxy}, with the S3 API operation it is
 * (path-style addressing: {@code /bucket/key?query}).
 *
 * @param method the HTTP method
 * @param operation the S3 operation name, e.g. {@code HeadObject}, {@code UploadPartCopy}
 * @param bucket the bucket, or empty for service-level calls
 * @param key the decoded object key, or null for bucket-level calls
 * @param query the decoded query parameters (a parameter without a value maps to "")
 * @param headers the request headers, names in lower case
 * @param status the status code the server answered
 */
public record RecordedRequest(
    String method, String operation, String bucket, String key, Map<String, String> query,
    Map<String, List<String>> headers, int status) {

  public RecordedRequest {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  /** The first value of a header (name in any case). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A query parameter. */
  public Optional<String> queryParameter(String name) {
    return Optional.ofNullable(query.get(name));
  }

  @Override
  public String toString() {
    return operation + " " + method + " /" + bucket + (key == null ? "" : "/" + key) + (query.isEmpty() ? "" : "?" + query)
        + " -> " + status;
  }
}
