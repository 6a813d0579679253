package dev.s3batch.tools.job;

import dev.s3batch.tools.aws.S3Uri;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import software.amazon.awssdk.services.s3control.model.JobManifest;
import software.amazon.awssdk.services.s3control.model.JobManifestGenerator;
import software.amazon.awssdk.services.s3control.model.JobManifestGeneratorFilter;
import software.amazon.awssdk.services.s3control.model.KeyNameConstraint;
import software.amazon.awssdk.services.s3control.model.S3JobManifestGenerator;
import software.amazon.awssdk.services.s3control.model.S3ManifestOutputLocation;
import software.amazon.awssdk.services.s3control.model.S3StorageClass;

/**
 * The objects a job runs on: a CSV manifest ({@code Manifest}) or S3's manifest generator
 * ({@code ManifestGenerator.S3JobManifestGenerator}), never both.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_JobManifest.html">JobManifest</a>
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_S3JobManifestGenerator.html">S3JobManifestGenerator</a>
 */
public final class ManifestSpecs {

  /** The CSV manifest format. */
  public static final String CSV_FORMAT = "S3BatchOperations_CSV_20180820";
  /** The only format the generator writes its manifest in. */
  public static final String GENERATED_FORMAT = "S3InventoryReport_CSV_20211130";

  private ManifestSpecs() {}

  /** Checks the local parts of a manifest draft (URI, fields) without calling S3. */
  public static S3Uri checkManifest(JobDraft.ManifestDraft m) {
    S3Uri uri = JobUris.object("--manifest", m.uri());
    if (m.fields() != null) {
      fields("--manifest-fields", m.fields());
    }
    return uri;
  }

  /** The manifest, with ETag and version id from HeadObject and fields from the first line unless given. */
  public static JobManifest manifest(JobDraft.ManifestDraft m, String partition, ManifestInspector inspector) {
    S3Uri uri = checkManifest(m);
    ManifestObject object = inspector.inspect(uri, m.versionId(), m.fields() == null);
    String given = ManifestInspector.unquote(m.etag());
    if (given != null && !given.equals(object.etag())) {
      throw new JobInputException("--manifest-etag \"" + given + "\" does not match " + uri + ": its ETag is \""
          + object.etag() + "\" (a wrong ETag fails the job)");
    }
    List<String> fields = m.fields() != null
        ? fields("--manifest-fields", m.fields())
        : detectFields(uri, object.firstLine());
    return JobManifest.builder()
        .spec(s -> s.format(CSV_FORMAT).fieldsWithStrings(fields))
        .location(l -> l.objectArn(uri.objectArn(partition)).eTag(object.etag()).objectVersionId(object.versionId()))
        .build();
  }

  static List<String> fields(String option, String value) {
    List<String> fields = List.of(value.split(",", -1)).stream().map(String::trim).toList();
    for (String f : fields) {
      if (!List.of("Bucket", "Key", "VersionId", "Ignore").contains(f)) {
        throw new JobInputException(option + " \"" + value + "\": \"" + f
            + "\" is not one of Bucket, Key, VersionId, Ignore (for example Bucket,Key)");
      }
    }
    if (!fields.contains("Bucket") || !fields.contains("Key")) {
      throw new JobInputException(option + " \"" + value + "\" must name Bucket and Key");
    }
    return fields;
  }

  static List<String> detectFields(S3Uri uri, String firstLine) {
    if (firstLine == null || firstLine.isBlank()) {
      throw new JobInputException("--manifest " + uri + ": the manifest is empty (its first line is blank)");
    }
    int columns = CsvColumns.count(firstLine);
    return switch (columns) {
      case 2 -> List.of("Bucket", "Key");
      case 3 -> List.of("Bucket", "Key", "VersionId");
      default -> throw new JobInputException("--manifest " + uri + ": its first line has " + columns
          + " columns, not 2 (bucket,key) or 3 (bucket,key,versionId); give --manifest-fields");
    };
  }

  /** The generator's request part. */
  public static JobManifestGenerator generator(JobDraft.GeneratorDraft g, String partition) {
    S3Uri source = JobUris.prefix("--generate", g.uri());
    JobManifestGeneratorFilter.Builder filter = JobManifestGeneratorFilter.builder();
    KeyNameConstraint.Builder names = KeyNameConstraint.builder();
    List<String> prefixes = new java.util.ArrayList<>(g.prefixes());
    if (!source.key().isEmpty()) {
      prefixes.add(0, source.key());
    }
    boolean anyName = false;
    if (!prefixes.isEmpty()) {
      names.matchAnyPrefix(prefixes);
      anyName = true;
    }
    if (!g.suffixes().isEmpty()) {
      names.matchAnySuffix(g.suffixes());
      anyName = true;
    }
    if (!g.substrings().isEmpty()) {
      names.matchAnySubstring(g.substrings());
      anyName = true;
    }
    if (anyName) {
      filter.keyNameConstraint(names.build());
    }
    filter.createdAfter(instant("--created-after", g.createdAfter()));
    filter.createdBefore(instant("--created-before", g.createdBefore()));
    filter.objectSizeGreaterThanBytes(size("--size-greater-than", g.sizeGreaterThan()));
    filter.objectSizeLessThanBytes(size("--size-less-than", g.sizeLessThan()));
    if (!g.storageClasses().isEmpty()) {
      filter.matchAnyStorageClassWithStrings(storageClasses(g.storageClasses()));
    }
    if (g.eligibleForReplication()) {
      filter.eligibleForReplication(true);
    }
    S3JobManifestGenerator.Builder s3 = S3JobManifestGenerator.builder()
        .sourceBucket(source.bucketArn(partition))
        .enableManifestOutput(g.output() != null)
        .filter(filter.build());
    if (g.output() != null) {
      S3Uri out = JobUris.prefix("--generated-manifest-to", g.output());
      S3ManifestOutputLocation.Builder location =
          S3ManifestOutputLocation.builder().bucket(out.bucketArn(partition)).manifestFormat(GENERATED_FORMAT);
      if (!out.key().isEmpty()) {
        location.manifestPrefix(out.key());
      }
      s3.manifestOutputLocation(location.build());
    }
    return JobManifestGenerator.builder().s3JobManifestGenerator(s3.build()).build();
  }

  private static Instant instant(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new JobInputException(option + " \"" + value
          + "\" is not a date (2024-05-31) or an instant (2024-05-31T12:00:00Z)");
    }
  }

  private static Long size(String option, Long value) {
    if (value != null && value < 0) {
      throw new JobInputException(option + " " + value + ": a size is 0 or more bytes");
    }
    return value;
  }

  private static List<String> storageClasses(List<String> values) {
    for (String v : values) {
      if (S3StorageClass.fromValue(v) == S3StorageClass.UNKNOWN_TO_SDK_VERSION) {
        throw new JobInputException("--storage-class \"" + v + "\" is not one of " + S3StorageClass.knownValues());
      }
    }
    return values;
  }
}
