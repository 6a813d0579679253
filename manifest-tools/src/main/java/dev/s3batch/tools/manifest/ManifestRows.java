package dev.s3batch.tools.manifest;

import dev.s3batch.tools.aws.S3Uri;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules every row of an {@code S3BatchOperations_CSV_20180820} manifest meets, the one set that
 * {@code job run-local} ({@link ManifestReader}) and {@code manifest upload} ({@link ManifestCheck})
 * read by, with one wording: 2 or 3 fields and as many on every row ({@link ManifestRowShape}), no
 * header row, a valid bucket name, a key field of 1 to 1,024 characters. A caller says where:
 * {@code NAME line N: } and the problem. Not thread-safe: one per manifest read.
 *
 * <pre>{@code
 * ManifestRows rules = new ManifestRows();
 * while (csv.next(row)) {
 *   rules.problem(row, csv.line()).ifPresent(p -> { throw new ManifestException(name + " line " + csv.line() + ": " + p); });
 * }
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-create-job.html">Creating a job: manifests</a>
 */
final class ManifestRows {

  /** The problem of a manifest that starts with a UTF-8 byte-order mark (AWS documents none; it would join the bucket name). */
  static final String BYTE_ORDER_MARK =
      "the file starts with a UTF-8 byte-order mark, which S3 Batch Operations reads as part of the first bucket name;"
          + " save the manifest as UTF-8 without BOM";

  /** The problem of a manifest without rows. */
  static final String NO_ROWS = "no rows; a job cannot run an empty manifest";

  private final ManifestRowShape shape = new ManifestRowShape();
  private String lastBucket;

  /** Why the row on {@code line} breaks a rule, empty when it meets them all. */
  Optional<String> problem(List<String> fields, long line) {
    Optional<ManifestRowShape.Fault> fault = shape.next(fields.size());
    if (fault.isPresent()) {
      return Optional.of(fields.size() + switch (fault.get()) {
        case NOT_TWO_OR_THREE -> (fields.size() == 1 ? " field" : " fields")
            + "; a manifest row is bucket,key or bucket,key,versionId (quote a key that holds a comma)";
        case VERSION_ON_SOME_ROWS -> " fields after rows of " + shape.width()
            + "; a manifest has a version id on every row or on none";
      });
    }
    String bucket = fields.get(0);
    if (line == 1 && looksLikeHeader(fields)) {
      return Optional.of("\"" + String.join(",", fields) + "\" is a header row; a manifest has no header row: delete the line");
    }
    Optional<String> badBucket = bucketProblem(bucket, line == 1);
    if (badBucket.isPresent()) {
      return badBucket;
    }
    String key = fields.get(1);
    if (key.isEmpty() || key.length() > ManifestWriter.MAX_KEY_FIELD_CHARS) {
      return Optional.of("the key field has " + key.length() + " characters; it holds 1 to 1,024");
    }
    return Optional.empty();
  }

  /** Whether the rows read so far carry version ids. */
  boolean versioned() {
    return shape.width() == 3;
  }

  /** Whether no row was read. */
  boolean none() {
    return shape.width() < 0;
  }

  /** Why {@code bucket} cannot be a row's bucket field, empty when it can (checked once per run of rows with one bucket). */
  Optional<String> bucketProblem(String bucket, boolean firstLine) {
    if (bucket.equals(lastBucket)) {
      return Optional.empty();
    }
    Optional<String> why = S3Uri.bucketNameProblem(bucket);
    if (why.isPresent()) {
      return Optional.of("\"" + bucket + "\" is not a bucket name: " + why.get()
          + (firstLine ? " (a manifest has no header row)" : ""));
    }
    lastBucket = bucket;
    return Optional.empty();
  }

  private static boolean looksLikeHeader(List<String> fields) {
    return fields.get(0).equalsIgnoreCase("bucket") && fields.get(1).equalsIgnoreCase("key")
        && (fields.size() == 2 || fields.get(2).replaceAll("[ _-]", "").toLowerCase(Locale.ROOT).equals("versionid"));
  }
}
