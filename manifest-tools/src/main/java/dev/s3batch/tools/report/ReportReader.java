package dev.s3batch.tools.report;

import dev.s3batch.tools.csv.CsvFormatException;
import dev.s3batch.tools.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads a completion report: its {@code manifest.json}, then every result file it lists, row by
 * row (streaming: constant memory), checking each file's MD5. Result files are found next to the
 * manifest ({@code results/<name>.csv}), so a report copied elsewhere still reads. Rows are read
 * in the order AWS really writes (HTTPStatusCode before ErrorCode); a row in the documented
 * order (a number where the error code belongs) is read that way instead.
 *
 * <pre>{@code
 * ReportReader report = ReportReader.open("s3://reports/job-1234/", () -> s3); // or "s3://reports/": the newest job
 * List<String> problems = report.read(false, row -> ...);
 * }</pre>
 */
public final class ReportReader {

  private static final String UNPROCESSED = ReportWriter.UNPROCESSED;

  /**
   * A job's report found under the location given.
   *
   * @param manifest its {@code manifest.json}, as a user would type it
   * @param created its {@code ReportCreationDate}, or its file's time when that is not a date
   */
  public record JobReport(String manifest, Instant created) {
    public JobReport {
      Objects.requireNonNull(manifest, "manifest");
      Objects.requireNonNull(created, "created");
    }
  }

  /**
   * How the report was chosen when its location held no {@code manifest.json} but jobs' reports.
   *
   * @param under the folder or prefix given
   * @param jobs every job report under it, newest first; the first is the one read
   */
  public record JobChoice(String under, List<JobReport> jobs) {
    public JobChoice {
      Objects.requireNonNull(under, "under");
      jobs = List.copyOf(jobs);
    }
  }

  private final ReportStore store;
  private final String manifestName;
  private final ReportManifest manifest;
  private final JobChoice choice;

  private ReportReader(ReportStore store, String manifestName, ReportManifest manifest, JobChoice choice) {
    this.store = store;
    this.manifestName = manifestName;
    this.manifest = manifest;
    this.choice = choice;
  }

  /**
   * Opens a report by its {@code manifest.json}, or the folder or prefix that holds it. A folder
   * or prefix without a {@code manifest.json} of its own that holds jobs' reports
   * ({@code job-<id>/manifest.json}) opens the newest of them (see {@link #jobChoice()}).
   *
   * @throws InvalidReportException when there is no report there
   */
  public static ReportReader open(String location, Supplier<S3Client> s3) throws IOException {
    if (location.endsWith("/manifest.json") || location.equals("manifest.json")) {
      String root = location.substring(0, location.length() - "manifest.json".length());
      return open(ReportStore.of(root.isEmpty() ? "." : root, s3), null);
    }
    String root = location.endsWith("/") ? location : location + "/";
    ReportStore store = ReportStore.of(root, s3);
    InputStream in;
    try {
      in = store.open("manifest.json");
    } catch (InvalidReportException notThere) {
      List<ReportJobs.Found> jobs = ReportJobs.under(store);
      if (jobs.isEmpty()) {
        throw new InvalidReportException(notThere.getMessage() + ", and no job-<id>/manifest.json under " + root);
      }
      return open(jobs.get(0).store(), new JobChoice(root, jobs.stream().map(ReportJobs.Found::report).toList()));
    }
    return read(store, in, null);
  }

  private static ReportReader open(ReportStore store, JobChoice choice) throws IOException {
    return read(store, store.open("manifest.json"), choice);
  }

  private static ReportReader read(ReportStore store, InputStream manifestJson, JobChoice choice) throws IOException {
    try (InputStream in = manifestJson) {
      byte[] json = in.readAllBytes();
      return new ReportReader(store, "manifest.json", ReportManifest.parse(json, store.describe("manifest.json")), choice);
    }
  }

  /**
   * How the report was chosen among the jobs' reports under the location given; empty when the
   * location named the report itself.
   */
  public Optional<JobChoice> jobChoice() {
    return Optional.ofNullable(choice);
  }

  /** The report's {@code manifest.json}. */
  public ReportManifest manifest() {
    return manifest;
  }

  /** Where the {@code manifest.json} is. */
  public String manifestLocation() {
    return store.describe(manifestName);
  }

  /** Where the report's files are (for {@link ResultFiles}). */
  ReportStore store() {
    return store;
  }

  /**
   * Streams the rows of every result file (only the failed tasks' files when {@code failedOnly})
   * to {@code rows}.
   *
   * @return one message per result file that is missing or whose MD5 differs from the manifest's
   *     (empty when all are there and match)
   * @throws InvalidReportException on a row that is not a report row (names the file and line)
   */
  public List<String> read(boolean failedOnly, Consumer<ReportRow> rows) throws IOException {
    if (!failedOnly && rows instanceof ReportReview review) {
      return review(review, row -> {});
    }
    ReportRows decoder = new ReportRows();
    return eachFile(failedOnly, (in, where) -> decoder.rows(in, where, rows));
  }

  /**
   * Counts the rows of every result file into {@code review} and hands the failed tasks' rows to
   * {@code failedRows} as well: what {@code read(false, row -> { review.accept(row); if (row.failed())
   * failedRows.accept(row); })} does, but a succeeded task's row is counted from its bytes, never
   * decoded (most of a report's rows, read at disk speed).
   *
   * @return as {@link #read}
   * @throws InvalidReportException as {@link #read}
   */
  public List<String> review(ReportReview review, Consumer<ReportRow> failedRows) throws IOException {
    ReportRows decoder = new ReportRows();
    return eachFile(false, (in, where) -> decoder.review(in, where, review, failedRows));
  }

  /** Reads one result file (its MD5 computed meanwhile); {@code where} names it in messages. */
  private interface FileReader {
    void read(InputStream in, String where) throws IOException;
  }

  private List<String> eachFile(boolean failedOnly, FileReader reader) throws IOException {
    List<String> names = new ArrayList<>();
    List<String> md5s = new ArrayList<>();
    for (ReportManifest.ResultFile file : manifest.results()) {
      if (!failedOnly || !ReportRow.SUCCEEDED.equals(file.taskExecutionStatus())) {
        String key = file.key();
        names.add("results/" + key.substring(key.lastIndexOf('/') + 1));
        md5s.add(file.md5Checksum());
      }
    }
    List<String> problems = new ArrayList<>();
    try (FileDigests local = store instanceof ReportStore.Folder f
        ? FileDigests.start(names.stream().map(f.root()::resolve).toList()) : null) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        InputStream source;
        try {
          source = store.open(name);
        } catch (InvalidReportException missing) {
          problems.add(missing.getMessage());
          continue;
        }
        String actual;
        if (local != null) {
          long parsed;
          try (CountingInputStream in = new CountingInputStream(source)) {
            reader.read(in, store.describe(name));
            in.transferTo(OutputStream.nullOutputStream()); // what the parser left unread is hashed too
            parsed = in.count();
          }
          try {
            actual = local.md5Hex(i, parsed);
          } catch (FileDigests.ChangedFileException changed) {
            problems.add(store.describe(name) + " changed while it was being read: review it again once nothing"
                + " writes to it");
            continue;
          }
        } else {
          try (ReadAheadDigest in = new ReadAheadDigest(source)) {
            reader.read(in, store.describe(name));
            actual = in.md5Hex();
          }
        }
        if (!actual.equalsIgnoreCase(md5s.get(i))) {
          problems.add(store.describe(name) + ": MD5 " + actual + " differs from manifest.json's " + md5s.get(i));
        }
      }
    }
    return problems;
  }

  /**
   * Streams the rows of one result file (CSV without header) to {@code rows}.
   *
   * @param where the file's name, for messages
   */
  public static void readRows(InputStream in, String where, Consumer<ReportRow> rows) throws IOException {
    new ReportRows().rows(in, where, rows);
  }

  /**
   * As {@link #readRows(InputStream, String, Consumer)}, through a buffer of {@code bufferSize}
   * bytes at first instead of 1 MB: a server streaming many files at once keeps each small.
   */
  public static void readRows(InputStream in, String where, int bufferSize, Consumer<ReportRow> rows) throws IOException {
    new ReportRows(bufferSize).rows(in, where, rows);
  }

  /**
   * One row of {@code unprocessed.csv}: a task of a job that stopped early that never ran, as its
   * manifest had it.
   *
   * @param bucket the bucket
   * @param key the key, URL-encoded as in the manifest
   * @param versionId the version id, empty when none
   */
  public record UnprocessedTask(String bucket, String key, String versionId) {}

  /**
   * Streams the tasks that never ran ({@code unprocessed.csv} beside {@code manifest.json}, written
   * by {@code job run-local} when a job stopped early; AWS's reports have none) to {@code tasks}.
   *
   * @return how many there were (0 without such a file)
   * @throws InvalidReportException on a row that is not {@code bucket,key[,versionId]}
   */
  public long readUnprocessed(Consumer<UnprocessedTask> tasks) throws IOException {
    String where = store.describe(UNPROCESSED);
    Optional<InputStream> file = store.openIfPresent(UNPROCESSED);
    if (file.isEmpty()) {
      return 0;
    }
    long n = 0;
    List<String> f = new ArrayList<>(4);
    try (InputStream in = file.get()) {
      CsvParser csv = new CsvParser(in);
      while (csv.next(f)) {
        if (f.size() != 2 && f.size() != 3) {
          throw new InvalidReportException(where + ":" + csv.line() + ": a manifest row is bucket,key or"
              + " bucket,key,versionId; this one has " + f.size() + " fields");
        }
        tasks.accept(new UnprocessedTask(f.get(0), f.get(1), f.size() == 3 ? f.get(2) : ""));
        n++;
      }
    } catch (CsvFormatException e) {
      throw new InvalidReportException(where + ":" + e.getMessage().substring("line ".length()));
    }
    return n;
  }

  /** Where the tasks that never ran are listed (whether or not there are any). */
  public String unprocessedLocation() {
    return store.describe(UNPROCESSED);
  }
}
