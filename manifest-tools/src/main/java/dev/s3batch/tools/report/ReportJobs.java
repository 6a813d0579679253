package dev.s3batch.tools.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The job reports directly under a folder or an S3 prefix that holds no {@code manifest.json} of
 * its own: every {@code job-<id>/manifest.json} there (S3 Batch Operations writes each job's report
 * under {@code <prefix>/job-<id>/}), newest first. A report's age is its {@code ReportCreationDate},
 * or the {@code manifest.json}'s file time (an object's LastModified) when that is missing or not a
 * date. An S3 prefix is listed with ListObjectsV2 and a {@code /} delimiter, so the result files
 * under each job are not listed.
 */
final class ReportJobs {

  /** A job's report: its store (the {@code job-<id>/} folder or prefix) and what a user is told of it. */
  record Found(ReportStore store, ReportReader.JobReport report) {}

  private static final Comparator<Found> NEWEST_FIRST =
      Comparator.comparing((Found f) -> f.report().created()).reversed()
          .thenComparing(f -> f.report().manifest());

  private ReportJobs() {}

  /** The job reports directly under {@code store}, newest first; empty when there is none. */
  static List<Found> under(ReportStore store) throws IOException {
    List<Found> found = store instanceof ReportStore.Bucket b ? under(b) : under((ReportStore.Folder) store);
    return found.stream().sorted(NEWEST_FIRST).toList();
  }

  private static List<Found> under(ReportStore.Folder folder) throws IOException {
    if (!Files.isDirectory(folder.root())) {
      return List.of();
    }
    List<Found> found = new ArrayList<>();
    try (Stream<Path> children = Files.list(folder.root())) {
      for (Path job : children.filter(p -> p.getFileName().toString().startsWith("job-")).sorted().toList()) {
        Path manifest = job.resolve("manifest.json");
        if (Files.isRegularFile(manifest)) {
          ReportStore.Folder store = new ReportStore.Folder(job);
          Instant fileTime = Files.getLastModifiedTime(manifest).toInstant();
          found.add(found(store, Files.readAllBytes(manifest), fileTime));
        }
      }
    }
    return found;
  }

  private static List<Found> under(ReportStore.Bucket bucket) {
    String prefix = bucket.prefix().prefix();
    S3Client s3 = bucket.s3().get();
    List<Found> found = new ArrayList<>();
    Iterable<CommonPrefix> folders = s3
        .listObjectsV2Paginator(r -> r.bucket(bucket.prefix().bucket()).prefix(prefix).delimiter("/"))
        .commonPrefixes();
    for (CommonPrefix folder : folders) {
      String name = folder.prefix().substring(prefix.length());
      if (!name.startsWith("job-")) {
        continue;
      }
      ReportStore.Bucket store = new ReportStore.Bucket(bucket.prefix().child(name), bucket.s3());
      String key = store.prefix().child("manifest.json").key();
      ResponseBytes<GetObjectResponse> manifest;
      try {
        manifest = s3.getObjectAsBytes(r -> r.bucket(bucket.prefix().bucket()).key(key));
      } catch (NoSuchKeyException e) {
        continue;
      }
      found.add(found(store, manifest.asByteArray(), manifest.response().lastModified()));
    }
    return found;
  }

  private static Found found(ReportStore store, byte[] manifestJson, Instant fileTime) {
    String where = store.describe("manifest.json");
    Instant created = fileTime;
    try {
      created = Instant.parse(ReportManifest.parse(manifestJson, where).reportCreationDate());
    } catch (InvalidReportException | DateTimeParseException e) {
      // not a date (or not a manifest: reviewing it says so): the file's time tells its age
    }
    return new Found(store, new ReportReader.JobReport(where, created));
  }
}
