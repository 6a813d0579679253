package dev.s3batch.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  private static final ReportRow OK = new ReportRow("b", "my%20photo.jpg", "", "succeeded", "200", "", "exists, 12 bytes");
  private static final ReportRow FAIL = new ReportRow("b", "a%2Bb", "v1", "failed", "200", "PermanentFailure",
      "Lambda returned function error: {\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}");

  @Test
  void finish_allTasks_writesSeparateFilesAndManifestWithTheirMd5(@TempDir Path dir) throws Exception {
    ReportWriter writer = new ReportWriter(ReportStore.of(dir.toString(), () -> null), "job1", ReportScope.AllTasks);
    writer.write(OK);
    writer.write(FAIL);
    String manifest = writer.finish();

    assertThat(manifest).isEqualTo(dir.resolve("job-job1/manifest.json").toString());
    ReportManifest m = ReportManifest.parse(Files.readAllBytes(Path.of(manifest)), manifest);
    assertThat(m.format()).isEqualTo("Report_CSV_20180820");
    assertThat(m.reportCreationDate()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(m.reportSchema()).isEqualTo("Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage");
    assertThat(m.results()).hasSize(2);
    for (ReportManifest.ResultFile f : m.results()) {
      assertThat(f.key()).matches("job-job1/results/[0-9a-f]{40}\\.csv");
      assertThat(f.bucket()).isEqualTo(dir.toAbsolutePath().normalize().toString());
      byte[] content = Files.readAllBytes(Path.of(f.bucket()).resolve(f.key()));
      assertThat(f.md5Checksum()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)));
      String expected = f.taskExecutionStatus().equals("succeeded")
          ? "b,my%20photo.jpg,,succeeded,200,,\"exists, 12 bytes\"\n"
          : "b,a%2Bb,v1,failed,200,PermanentFailure,\"Lambda returned function error: {\"\"errorMessage\"\":\"\"boom\"\","
              + "\"\"errorType\"\":\"\"java.lang.IllegalStateException\"\"}\"\n";
      assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo(expected);
    }
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .as("no temporary files left").noneMatch(n -> n.startsWith("."));
    }
  }

  @Test
  void finish_failedTasksOnly_writesNoSucceededFile(@TempDir Path dir) throws Exception {
    ReportWriter writer = new ReportWriter(ReportStore.of(dir.toString(), () -> null), "j", ReportScope.FailedTasksOnly);
    writer.write(OK);
    writer.write(FAIL);
    writer.finish();
    ReportReader reader = ReportReader.open(dir.toString(), () -> null);
    assertThat(reader.manifest().results()).extracting(ReportManifest.ResultFile::taskExecutionStatus).containsExactly("failed");
    List<ReportRow> rows = new ArrayList<>();
    assertThat(reader.read(false, rows::add)).isEmpty();
    assertThat(rows).containsExactly(FAIL);
  }

  @Test
  void finish_noRows_writesManifestWithoutResults(@TempDir Path dir) throws Exception {
    ReportWriter writer = new ReportWriter(ReportStore.of(dir.toString(), () -> null), "empty", ReportScope.AllTasks);
    String manifest = writer.finish();
    assertThat(ReportManifest.parse(Files.readAllBytes(Path.of(manifest)), manifest).results()).isEmpty();
  }
}
