package dev.s3batch.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailedRowsTest {

  @TempDir Path dir;

  @Test
  void recordsEnd_lineBreaksInsideQuotes_areNotRecordEnds() {
    byte[] csv = "a,\"x\ny\",z\nb,\"q \"\"\n\"\" r\",c\nunfinished,\"open\n".getBytes(StandardCharsets.UTF_8);

    int end = FailedRows.recordsEnd(csv, csv.length);

    assertThat(new String(csv, 0, end, StandardCharsets.UTF_8)).isEqualTo("a,\"x\ny\",z\nb,\"q \"\"\n\"\" r\",c\n");
  }

  @Test
  void page_rowsWithLineBreaksAcrossManyBlocks_everyRowOnceInOrder() throws Exception {
    List<ReportRow> rows = new ArrayList<>();
    String filler = "line one,\nline \"two\"\r\n" + "z".repeat(600);
    for (int i = 0; i < 5000; i++) {
      rows.add(i % 7 == 0 ? TestReports.succeeded("ok/" + i) : TestReports.failed("k/" + i, i + " " + filler));
    }
    Path job = TestReports.write(dir, "blocks", Instant.parse("2026-11-30T10:00:00Z"), rows);
    List<ReportRow> expected = rows.stream().filter(ReportRow::failed).toList();

    FailedRows failed = FailedRows.index(ReportReader.open(job.toString(), () -> null));

    assertThat(failed.total()).isEqualTo(expected.size());
    List<ReportRow> paged = new ArrayList<>();
    for (long from = 0; from < failed.total(); from += 333) {
      paged.addAll(failed.page(from, 333).rows());
    }
    assertThat(paged).isEqualTo(expected);
    assertThat(failed.page(1234, 3).rows()).isEqualTo(expected.subList(1234, 1237));
  }

  @Test
  void search_countsEveryMatch_returnsTheAskedPage() throws Exception {
    List<ReportRow> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(TestReports.failed("k/" + i, i % 3 == 0 ? "S3 error NoSuchKey" : "S3 error AccessDenied"));
    }
    Path job = TestReports.write(dir, "search", Instant.parse("2026-11-30T10:00:00Z"), rows);
    FailedRows failed = FailedRows.index(ReportReader.open(job.toString(), () -> null));

    FailedRows.Page page = failed.search(r -> r.resultMessage().contains("NoSuchKey"), 10, 5);

    assertThat(page.total()).isEqualTo(100);
    assertThat(page.rows()).extracting(ReportRow::key).containsExactly("k/30", "k/33", "k/36", "k/39", "k/42");
  }
}
