package dev.s3batch.tools.report;

import dev.s3batch.tools.aws.Location;
import dev.s3batch.tools.aws.S3Uri;
import dev.s3batch.tools.csv.CsvFormatException;
import dev.s3batch.tools.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads a completion report: its {@code manifest.json}, then every result file it lists, row by
 * row (streaming: constant memory), checking each file's MD5. Result files are found next to the
 * manifest ({@code results/<name>.csv}), so a report copied elsewhere still reads. Rows are read
 * in the order AWS really writes (HTTPStatusCode before ErrorCode); a row in the documented
 * order (a number where the error code belongs) is read that way instead.
 *
 * <pre>{@code
 * ReportReader report = ReportReader.open("s3://reports/job-1234/", () -> s3);
 * List<String> problems = report.read(false, row -> ...);
 * }</pre>
 */
public final class ReportReader {

  private final ReportStore store;
  private final String manifestName;
  private final ReportManifest manifest;

  private ReportReader(ReportStore store, String manifestName, ReportManifest manifest) {
    this.store = store;
    this.manifestName = manifestName;
    this.manifest = manifest;
  }

  /**
   * Opens a report by its {@code manifest.json}, the folder or prefix that holds it, or a local
   * folder holding exactly one {@code job-<id>/manifest.json}.
   */
  public static ReportReader open(String location, Supplier<S3Client> s3) throws IOException {
    String root;
    if (location.endsWith("/manifest.json") || location.equals("manifest.json")) {
      root = location.substring(0, location.length() - "manifest.json".length());
    } else {
      root = location.endsWith("/") ? location : location + "/";
      if (S3Uri.location(location) instanceof Location.Local) {
        root = onlyJobFolder(Path.of(location)).map(p -> p + "/").orElse(root);
      }
    }
    ReportStore store = ReportStore.of(root.isEmpty() ? "." : root, s3);
    try (InputStream in = store.open("manifest.json")) {
      byte[] json = in.readAllBytes();
      return new ReportReader(store, "manifest.json", ReportManifest.parse(json, store.describe("manifest.json")));
    }
  }

  private static java.util.Optional<Path> onlyJobFolder(Path dir) throws IOException {
    if (!Files.isDirectory(dir) || Files.exists(dir.resolve("manifest.json"))) {
      return java.util.Optional.empty();
    }
    try (Stream<Path> children = Files.list(dir)) {
      List<Path> jobs = children.filter(p -> p.getFileName().toString().startsWith("job-"))
          .filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).toList();
      return jobs.size() == 1 ? java.util.Optional.of(jobs.get(0)) : java.util.Optional.empty();
    }
  }

  /** The report's {@code manifest.json}. */
  public ReportManifest manifest() {
    return manifest;
  }

  /** Where the {@code manifest.json} is. */
  public String manifestLocation() {
    return store.describe(manifestName);
  }

  /**
   * Streams the rows of every result file (only the failed tasks' files when {@code failedOnly})
   * to {@code rows}.
   *
   * @return one message per result file whose MD5 differs from the manifest's (empty when all match)
   * @throws InvalidReportException on a row that is not a report row (names the file and line)
   */
  public List<String> read(boolean failedOnly, Consumer<ReportRow> rows) throws IOException {
    List<String> problems = new ArrayList<>();
    for (ReportManifest.ResultFile file : manifest.results()) {
      if (failedOnly && ReportRow.SUCCEEDED.equals(file.taskExecutionStatus())) {
        continue;
      }
      String key = file.key();
      String name = "results/" + key.substring(key.lastIndexOf('/') + 1);
      String actual;
      try (ReadAheadDigest in = new ReadAheadDigest(store.open(name))) {
        readRows(in, store.describe(name), rows);
        actual = in.md5Hex();
      }
      if (!actual.equalsIgnoreCase(file.md5Checksum())) {
        problems.add(store.describe(name) + ": MD5 " + actual + " differs from manifest.json's " + file.md5Checksum());
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
    CsvParser csv = new CsvParser(in);
    List<String> f = new ArrayList<>(8);
    try {
      while (csv.next(f)) {
        if (f.size() != 7) {
          throw new InvalidReportException(where + ":" + csv.line() + ": a report row has 7 fields; this one has " + f.size());
        }
        boolean documentedOrder = !isNumber(f.get(4)) && isNumber(f.get(5));
        rows.accept(new ReportRow(
            f.get(0), f.get(1), f.get(2), f.get(3), f.get(documentedOrder ? 5 : 4), f.get(documentedOrder ? 4 : 5),
            f.get(6)));
      }
    } catch (CsvFormatException e) {
      throw new InvalidReportException(where + ":" + e.getMessage().substring("line ".length()));
    }
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
