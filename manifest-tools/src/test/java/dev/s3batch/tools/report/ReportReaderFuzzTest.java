package dev.s3batch.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.s3batch.testkit.FuzzCount;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;

/**
 * The report reader on any bytes, read both as a report's {@code manifest.json} and as a result
 * file: a manifest with every field, rows of seven fields, or an {@link InvalidReportException}
 * naming the file (and the line, for a row); never another exception. The rows are read through a
 * read buffer of 1 to 256 bytes (the input's first byte picks it), so records cross buffer
 * boundaries and the buffer grows; {@link ReportReader#readRows}'s own 1 MiB buffer, allocated per
 * read, made every execution a humongous allocation for the garbage collector (60 executions a
 * second instead of thousands).
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
      int bufferSize = 1 + (input.length == 0 ? 0 : input[0] & 0xFF);
      new ReportRows(bufferSize).rows(new ByteArrayInputStream(input), "results/a.csv", row -> {
        assertThat(row.bucket()).isNotNull();
        assertThat(row.resultMessage()).isNotNull();
      });
    } catch (InvalidReportException e) {
      assertThat(e.getMessage()).startsWith("results/a.csv:");
    }
  }
}
