package dev.s3batch.tools.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.s3batch.testkit.FuzzCount;
import dev.s3batch.tools.report.InvalidReportException;
import dev.s3batch.tools.report.ReportManifest;
import dev.s3batch.tools.report.ReportReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;

/**
 * The report reader on any bytes, read both as a report's {@code manifest.json} and as a result
 * file: a manifest with every field, rows of seven fields, or an {@link InvalidReportException}
 * naming the file (and the line, for a row); never another exception.
 */
class ReportReaderFuzzTest {

  private static final FuzzCount COUNT = FuzzCount.of("ReportReaderFuzzTest");

  @AfterAll
  static void report() {
    System.out.println(COUNT.summary());
  }

  @FuzzTest
  void parseAndReadRows_anyBytes_giveAReportOrNameTheFile(byte[] input) throws IOException {
    COUNT.add();
    try {
      ReportManifest manifest = ReportManifest.parse(input, "report/manifest.json");
      assertThat(manifest.format()).isNotNull();
      manifest.results().forEach(r -> assertThat(r.key()).isNotNull());
    } catch (InvalidReportException e) {
      assertThat(e.getMessage()).startsWith("report/manifest.json: ");
    }
    try {
      ReportReader.readRows(new ByteArrayInputStream(input), "results/a.csv", row -> {
        assertThat(row.bucket()).isNotNull();
        assertThat(row.resultMessage()).isNotNull();
      });
    } catch (InvalidReportException e) {
      assertThat(e.getMessage()).startsWith("results/a.csv:");
    }
  }
}
