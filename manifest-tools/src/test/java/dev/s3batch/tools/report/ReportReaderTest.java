package dev.s3batch.tools.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportReaderTest {

  static Path fixture(String name) {
    try {
      return Path.of(ReportReaderTest.class.getResource("/reports/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readRows_awsExampleRows_readsRealColumnOrder() throws IOException {
    List<ReportRow> rows = new ArrayList<>();
    try (InputStream in = Files.newInputStream(fixture("aws-example-rows.csv"))) {
      ReportReader.readRows(in, "aws-example-rows.csv", rows::add);
    }
    assertThat(rows).containsExactly(
        new ReportRow("awsexamplebucket1", "image_14975", "", "failed", "200", "PermanentFailure",
            "Lambda returned function error: {\"errorMessage\":\"... Task timed out after 3.00 seconds\"}"),
        new ReportRow("awsexamplebucket1", "image_17775", "", "succeeded", "200", "", "{...result string...}"));
  }

  @Test
  void toCsv_awsExampleFailedRow_writesTheSameBytes() throws IOException {
    // The contract's succeeded example elides its result string ("{...result string...}"), whose
    // quotes and commas are why AWS quoted it; the failed row is given whole: it must match byte for byte.
    String line = Files.readAllLines(fixture("aws-example-rows.csv"), StandardCharsets.UTF_8).get(0) + "\n";
    List<ReportRow> rows = new ArrayList<>();
    ReportReader.readRows(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), "row", rows::add);
    assertThat(rows).singleElement().satisfies(r -> assertThat(r.toCsv()).isEqualTo(line));
  }

  @Test
  void open_awsExampleFolder_readsManifestAndEveryFileWithMatchingMd5() throws IOException {
    ReportReader reader = ReportReader.open(fixture("aws-example").toString(), () -> null);
    assertThat(reader.manifest().reportCreationDate()).isEqualTo("2019-04-05T17:48:39.725Z");
    assertThat(reader.manifest().results()).extracting(ReportManifest.ResultFile::taskExecutionStatus)
        .containsExactly("succeeded", "failed");
    List<ReportRow> rows = new ArrayList<>();
    List<String> problems = reader.read(false, rows::add);
    assertThat(problems).isEmpty();
    assertThat(rows).extracting(ReportRow::key).containsExactly("image_17775", "image_14975");
  }

  @Test
  void read_failedOnly_readsOnlyTheFailedFile() throws IOException {
    ReportReader reader = ReportReader.open(fixture("aws-example") + "/job-f8fb9d89-a3aa-461d-bddc-ea6a1b131955/manifest.json", () -> null);
    List<ReportRow> rows = new ArrayList<>();
    reader.read(true, rows::add);
    assertThat(rows).extracting(ReportRow::taskStatus).containsExactly("failed");
  }

  @Test
  void read_documentedColumnOrder_detectsAndSwapsErrorAndStatus() throws IOException {
    List<ReportRow> rows = new ArrayList<>();
    ReportReader.open(fixture("documented-order").toString(), () -> null).read(false, rows::add);
    assertThat(rows).containsExactly(
        new ReportRow("bucket1", "photo%20one.jpg", "v1", "failed", "200", "PermanentFailure", "NoSuchKey: not found"),
        new ReportRow("bucket1", "ok.jpg", "", "succeeded", "200", "", "fine"));
  }

  @Test
  void read_fileAlteredAfterManifest_reportsMd5Mismatch(@TempDir Path dir) throws IOException {
    copy(fixture("aws-example"), dir);
    Path failed = dir.resolve("job-f8fb9d89-a3aa-461d-bddc-ea6a1b131955/results/1111111111111111111111111111111111111111.csv");
    Files.writeString(failed, "awsexamplebucket1,image_14975,,failed,200,PermanentFailure,changed\n");
    List<String> problems = ReportReader.open(dir.toString(), () -> null).read(false, r -> {});
    assertThat(problems).singleElement().asString()
        .contains("1111111111111111111111111111111111111111.csv").contains("differs from manifest.json's dce6284a");
  }

  @Test
  void read_firstFileAlteredSecondMissing_reportsBothInTheManifestsOrder(@TempDir Path dir) throws IOException {
    copy(fixture("aws-example"), dir);
    Path results = dir.resolve("job-f8fb9d89-a3aa-461d-bddc-ea6a1b131955/results");
    Files.writeString(results.resolve("6217b0fab0de85c408b4be96aeaca9b195a7daa5.csv"),
        "awsexamplebucket1,image_17775,,succeeded,200,,changed\n");
    Files.delete(results.resolve("1111111111111111111111111111111111111111.csv"));
    List<ReportRow> rows = new ArrayList<>();
    List<String> problems = ReportReader.open(dir.toString(), () -> null).read(false, rows::add);
    assertThat(rows).extracting(ReportRow::resultMessage).containsExactly("changed");
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("6217b0fab0de85c408b4be96aeaca9b195a7daa5.csv: MD5 ").contains("differs");
    assertThat(problems.get(1)).contains("1111111111111111111111111111111111111111.csv").contains("no such file");
  }

  @Test
  void read_fileRewrittenWhileRead_reportsItChangedAndNeverVouchesForTheRowsRead(@TempDir Path dir) throws IOException {
    copy(fixture("aws-example"), dir);
    Path file = dir.resolve("job-f8fb9d89-a3aa-461d-bddc-ea6a1b131955/results/6217b0fab0de85c408b4be96aeaca9b195a7daa5.csv");
    java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(file);
    List<ReportRow> rows = new ArrayList<>();
    List<String> problems = ReportReader.open(dir.toString(), () -> null).read(false, row -> {
      if (rows.isEmpty()) { // a job still writing its report: the file grows while it is read
        try {
          Files.writeString(file, "awsexamplebucket1,image_17776,,succeeded,200,,late\n", StandardOpenOption.APPEND);
          Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 1000));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      rows.add(row);
    });
    assertThat(rows).isNotEmpty();
    assertThat(problems).singleElement().asString()
        .contains("6217b0fab0de85c408b4be96aeaca9b195a7daa5.csv changed while it was being read")
        .doesNotContain("MD5");
  }

  @Test
  void readRows_rowWithSixFields_failsNamingFileAndLine() {
    assertThatThrownBy(() -> ReportReader.readRows(
            new ByteArrayInputStream("b,k,,succeeded,200,,ok\nb,k,,failed,200\n".getBytes(StandardCharsets.UTF_8)),
            "r.csv", r -> {}))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("r.csv:2: a report row has 7 fields; this one has 5");
  }

  @Test
  void parse_contractManifestJson_readsEveryField() throws IOException {
    ReportManifest m = ReportManifest.parse(Files.readAllBytes(fixture("aws-manifest.json")), "aws-manifest.json");
    assertThat(m.format()).isEqualTo("Report_CSV_20180820");
    assertThat(m.reportSchema()).isEqualTo(ReportManifest.SCHEMA);
    assertThat(m.results()).containsExactly(new ReportManifest.ResultFile("succeeded", "my-job-reports",
        "83b1c4cbe93fc893f54053697e10fd6e",
        "job-f8fb9d89-a3aa-461d-bddc-ea6a1b131955/results/6217b0fab0de85c408b4be96aeaca9b195a7daa5.csv"));
  }

  @Test
  void toJson_contractManifest_writesAwsFieldOrderCompact() throws IOException {
    ReportManifest m = ReportManifest.parse(Files.readAllBytes(fixture("aws-manifest.json")), "aws-manifest.json");
    assertThat(new String(m.toJson(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"Format\":\"Report_CSV_20180820\",\"ReportCreationDate\":\"2019-04-05T17:48:39.725Z\",\"Results\":[{"
            + "\"TaskExecutionStatus\":\"succeeded\",\"Bucket\":\"my-job-reports\",\"MD5Checksum\":\"83b1c4cbe93fc893f54053697e10fd6e\","
            + "\"Key\":\"job-f8fb9d89-a3aa-461d-bddc-ea6a1b131955/results/6217b0fab0de85c408b4be96aeaca9b195a7daa5.csv\"}],"
            + "\"ReportSchema\":\"Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage\"}");
  }

  static void copy(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
