package dev.s3batch.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request that passed through a {@link FaultProxy}, as the client sent it: method, raw path
 * and query, and headers (names in lower case, values in order). Path-style addressing
 * ({@code /bucket/key}) as S3Mock and S3Proxy need.
 *
 * <pre>{@code
 * assertThat(proxy.requests()).extracting(RecordedRequest::operation)
 *     .containsExactly("HeadObject", "DeleteObject");
 * }</pre>
 *
 * @param method the HTTP method, e.g. {@code PUT}
 * @param path the raw (URL-encoded) path, e.g. {@code /bucket/a%20b.txt}
 * @param query the raw query without {@code ?}, empty when there is none
 * @param headers the headers, names in lower case
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers) {

  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((k, v) -> copy.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(copy);
  }

  /** The S3 API operation this request calls, e.g. {@code GetObject}, {@code UploadPartCopy}. */
  public String operation() {
    return S3Operations.of(this);
  }

  /** The bucket (first path segment), empty for service-level requests such as ListBuckets. */
  public String bucket() {
    String p = path.startsWith("/") ? path.substring(1) : path;
    int slash = p.indexOf('/');
    return decode(slash < 0 ? p : p.substring(0, slash));
  }

  /** The object key, URL-decoded; empty for bucket-level requests. */
  public String key() {
    String p = path.startsWith("/") ? path.substring(1) : path;
    int slash = p.indexOf('/');
    return slash < 0 ? "" : decode(p.substring(slash + 1));
  }

  /** The first value of a header (name in any case). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The query parameters, URL-decoded; a parameter without {@code =} has the value {@code ""}. */
  public Map<String, List<String>> queryParameters() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (!query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return params;
  }

  /** Whether the query names this parameter (with or without a value). */
  public boolean hasQueryParameter(String name) {
    return queryParameters().containsKey(name);
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    List<String> values = queryParameters().get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The {@code versionId} query parameter, which turns many operations into their *Version IAM action. */
  public Optional<String> versionId() {
    return queryParameter("versionId");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
