package dev.s3batch.tools.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user asked for in {@code s3batch job submit}, unchecked: every component is null when
 * not given. {@link CreateJobRequestFactory} checks it and turns it into a CreateJob request.
 *
 * @param accountId {@code --account-id}, or null to take it from the role ARN
 * @param functionArn {@code --function-arn}
 * @param schema {@code --schema}, {@code "1.0"} or {@code "2.0"}; null: 2.0 with arguments, else 1.0
 * @param arguments {@code --arg key=value}, in the order given
 * @param manifest {@code --manifest}, or null with {@code generate}
 * @param generate {@code --generate} and its filters, or null with {@code manifest}
 * @param report {@code --report}, or null with {@code noReport}
 * @param noReport {@code --no-report}
 * @param reportScope {@code --report-scope}, {@code AllTasks} or {@code FailedTasksOnly}
 * @param roleArn {@code --role-arn}
 * @param priority {@code --priority}
 * @param description {@code --description}
 * @param confirmationRequired {@code --confirmation-required}
 * @param clientToken {@code --client-token}, or null to derive it from the request
 */
public record JobDraft(
    String accountId,
    String functionArn,
    String schema,
    Map<String, String> arguments,
    ManifestDraft manifest,
    GeneratorDraft generate,
    String report,
    boolean noReport,
    String reportScope,
    String roleArn,
    Integer priority,
    String description,
    boolean confirmationRequired,
    String clientToken) {

  public JobDraft {
    arguments = arguments == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
  }

  /**
   * {@code --manifest} and the options that describe it.
   *
   * @param uri {@code --manifest s3://bucket/key}
   * @param etag {@code --manifest-etag}, or null to read it with HeadObject
   * @param versionId {@code --manifest-version-id}, or null for the latest (its id is read with HeadObject)
   * @param fields {@code --manifest-fields}, for example {@code Bucket,Key}; null to detect from the first line
   */
  public record ManifestDraft(String uri, String etag, String versionId, String fields) {}

  /**
   * {@code --generate s3://bucket/prefix} and the filters of S3's manifest generator.
   *
   * @param uri {@code --generate}: the source bucket, and a key prefix every object must start with
   * @param prefixes {@code --match-prefix}: more prefixes (an object matching any one is included)
   * @param suffixes {@code --match-suffix}
   * @param substrings {@code --match-substring}
   * @param createdAfter {@code --created-after}, ISO-8601 date or instant
   * @param createdBefore {@code --created-before}
   * @param sizeGreaterThan {@code --size-greater-than} bytes
   * @param sizeLessThan {@code --size-less-than} bytes
   * @param storageClasses {@code --storage-class}
   * @param eligibleForReplication {@code --eligible-for-replication}
   * @param output {@code --generated-manifest-to s3://bucket/prefix}: keep the generated manifest there
   */
  public record GeneratorDraft(
      String uri,
      java.util.List<String> prefixes,
      java.util.List<String> suffixes,
      java.util.List<String> substrings,
      String createdAfter,
      String createdBefore,
      Long sizeGreaterThan,
      Long sizeLessThan,
      java.util.List<String> storageClasses,
      boolean eligibleForReplication,
      String output) {

    public GeneratorDraft {
      prefixes = prefixes == null ? java.util.List.of() : java.util.List.copyOf(prefixes);
      suffixes = suffixes == null ? java.util.List.of() : java.util.List.copyOf(suffixes);
      substrings = substrings == null ? java.util.List.of() : java.util.List.copyOf(substrings);
      storageClasses = storageClasses == null ? java.util.List.of() : java.util.List.copyOf(storageClasses);
    }
  }
}
