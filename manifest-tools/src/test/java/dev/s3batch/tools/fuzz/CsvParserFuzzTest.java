package dev.s3batch.tools.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.s3batch.testkit.FuzzCount;
import dev.s3batch.tools.csv.CsvFormatException;
import dev.s3batch.tools.csv.CsvParser;
import dev.s3batch.tools.csv.CsvWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * The CSV parser, lenient and strict, on any bytes and any read-buffer size: records whose line
 * numbers never go back, or a {@link CsvFormatException} naming a line; never another exception.
 * What the lenient parser reads, {@link CsvWriter} writes back to text that parses to the same
 * records (a record of one empty field aside: it is written as a zero-length line, which the
 * parser skips).
 */
class CsvParserFuzzTest {

  private static final FuzzCount COUNT = FuzzCount.of("CsvParserFuzzTest");

  @AfterAll
  static void report() {
    System.out.println(COUNT.summary());
  }

  @FuzzTest
  void next_anyBytes_givesRecordsOrANamedLine(FuzzedDataProvider data) throws IOException {
    COUNT.add();
    int bufferSize = data.consumeInt(1, 64);
    boolean strict = data.consumeBoolean();
    byte[] input = data.consumeRemainingAsBytes();
    List<List<String>> records = new ArrayList<>();
    try {
      records = parse(input, bufferSize, strict);
    } catch (CsvFormatException e) {
      assertThat(e.line()).isPositive();
      assertThat(e.getMessage()).startsWith("line " + e.line() + ": ");
      return;
    }
    if (strict) {
      return;
    }
    StringBuilder text = new StringBuilder();
    List<List<String>> written = new ArrayList<>();
    for (List<String> r : records) {
      if (r.size() == 1 && r.get(0).isEmpty()) {
        continue;
      }
      CsvWriter.record(text, r.toArray(String[]::new));
      written.add(r);
    }
    assertThat(parse(text.toString().getBytes(StandardCharsets.UTF_8), bufferSize, false)).isEqualTo(written);
  }

  private static List<List<String>> parse(byte[] input, int bufferSize, boolean strict) throws IOException {
    List<List<String>> records = new ArrayList<>();
    long lastLine = 0;
    try (CsvParser csv = strict
        ? CsvParser.strict(new ByteArrayInputStream(input), bufferSize)
        : new CsvParser(new ByteArrayInputStream(input), bufferSize)) {
      List<String> fields = new ArrayList<>();
      while (csv.next(fields)) {
        assertThat(fields).isNotEmpty().doesNotContainNull();
        assertThat(csv.line()).isGreaterThan(lastLine);
        lastLine = csv.line();
        records.add(List.copyOf(fields));
      }
    }
    return records;
  }
}
