package dev.s3batch.tools.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * A completion report's {@code manifest.json}, field for field as AWS writes it:
 *
 * <pre>{@code
 * {"Format":"Report_CSV_20180820","ReportCreationDate":"2019-04-05T17:48:39.725Z",
 *  "Results":[{"TaskExecutionStatus":"succeeded","Bucket":"my-job-reports",
 *              "MD5Checksum":"83b1c4cbe93fc893f54053697e10fd6e","Key":"job-.../results/6217....csv"}],
 *  "ReportSchema":"Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage"}
 * }</pre>
 *
 * @param format {@code Report_CSV_20180820}
 * @param reportCreationDate ISO-8601 with milliseconds and {@code Z}
 * @param results the result files
 * @param reportSchema the schema string (which names ErrorCode before HTTPStatusCode, unlike the rows)
 */
public record ReportManifest(String format, String reportCreationDate, List<ResultFile> results, String reportSchema) {

  /** The report format. */
  public static final String FORMAT = "Report_CSV_20180820";
  /** The schema string AWS writes (its column order is not the rows'). */
  public static final String SCHEMA = "Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /**
   * One result file.
   *
   * @param taskExecutionStatus {@code succeeded} or {@code failed}
   * @param bucket the bucket (for a local report, its folder)
   * @param md5Checksum the file's MD5, lower-case hex
   * @param key the file's key, {@code <prefix>/job-<id>/results/<40 hex>.csv}
   */
  public record ResultFile(String taskExecutionStatus, String bucket, String md5Checksum, String key) {
    public ResultFile {
      Objects.requireNonNull(taskExecutionStatus, "TaskExecutionStatus");
      Objects.requireNonNull(bucket, "Bucket");
      Objects.requireNonNull(md5Checksum, "MD5Checksum");
      Objects.requireNonNull(key, "Key");
    }
  }

  public ReportManifest {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(reportCreationDate, "reportCreationDate");
    results = List.copyOf(results);
    Objects.requireNonNull(reportSchema, "reportSchema");
  }

  /** A manifest created now. */
  public static ReportManifest of(Instant created, List<ResultFile> results) {
    return new ReportManifest(FORMAT, DATE.format(created), results, SCHEMA);
  }

  /** The JSON bytes, compact, fields in AWS's order. */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + results.size() * 256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("Format", format);
      g.writeStringField("ReportCreationDate", reportCreationDate);
      g.writeArrayFieldStart("Results");
      for (ResultFile f : results) {
        g.writeStartObject();
        g.writeStringField("TaskExecutionStatus", f.taskExecutionStatus());
        g.writeStringField("Bucket", f.bucket());
        g.writeStringField("MD5Checksum", f.md5Checksum());
        g.writeStringField("Key", f.key());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("ReportSchema", reportSchema);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Reads a {@code manifest.json}.
   *
   * @throws InvalidReportException when it is not JSON or lacks a field
   */
  public static ReportManifest parse(byte[] json, String where) {
    return ManifestJsonReader.parse(json, where);
  }
}
