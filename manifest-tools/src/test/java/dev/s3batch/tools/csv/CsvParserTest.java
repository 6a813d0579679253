package dev.s3batch.tools.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvParserTest {

  private static List<List<String>> parse(String csv, int bufferSize) throws IOException {
    return parse(new CsvParser(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), bufferSize));
  }

  private static List<List<String>> strict(byte[] csv, int bufferSize) throws IOException {
    return parse(CsvParser.strict(new ByteArrayInputStream(csv), bufferSize));
  }

  private static List<List<String>> strict(String csv) throws IOException {
    return strict(csv.getBytes(StandardCharsets.UTF_8), 1 << 16);
  }

  private static List<List<String>> parse(CsvParser parser) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CsvParser p = parser) {
      List<String> row = new ArrayList<>();
      while (p.next(row)) {
        rows.add(List.copyOf(row));
      }
    }
    return rows;
  }

  @Test
  void next_awsExampleRows_readsSevenFieldsWithDoubledQuotes() throws IOException {
    String csv = "awsexamplebucket1,image_14975,,failed,200,PermanentFailure,"
        + "\"Lambda returned function error: {\"\"errorMessage\"\":\"\"... Task timed out after 3.00 seconds\"\"}\"\n"
        + "awsexamplebucket1,image_17775,,succeeded,200,,\"{...result string...}\"\n";
    assertThat(parse(csv, 1 << 16)).containsExactly(
        List.of("awsexamplebucket1", "image_14975", "", "failed", "200", "PermanentFailure",
            "Lambda returned function error: {\"errorMessage\":\"... Task timed out after 3.00 seconds\"}"),
        List.of("awsexamplebucket1", "image_17775", "", "succeeded", "200", "", "{...result string...}"));
  }

  @Test
  void next_crlfAndQuotedNewlines_keepsNewlinesInsideQuotesOnly() throws IOException {
    assertThat(parse("a,\"x\r\ny\"\r\nb,c\rd,e", 3))
        .containsExactly(List.of("a", "x\r\ny"), List.of("b", "c"), List.of("d", "e"));
  }

  @Test
  void next_blankLinesAndTrailingComma_skipsBlankLinesKeepsEmptyLastField() throws IOException {
    assertThat(parse("\n\na,\n\n", 2)).containsExactly(List.of("a", ""));
  }

  @Test
  void line_afterQuotedNewline_countsPhysicalLines() throws IOException {
    try (CsvParser p = new CsvParser(new ByteArrayInputStream("a,\"1\n2\"\nb,c\n".getBytes(StandardCharsets.UTF_8)))) {
      List<String> row = new ArrayList<>();
      p.next(row);
      assertThat(p.line()).isEqualTo(1);
      p.next(row);
      assertThat(p.line()).isEqualTo(3);
    }
  }

  @Test
  void next_unclosedQuote_failsNamingTheLine() {
    assertThatThrownBy(() -> parse("a,b\nc,\"open\n", 64))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("line 2: a quoted field is not closed before the end of the input");
  }

  @Test
  void next_textAfterClosingQuote_failsNamingTheLine() {
    assertThatThrownBy(() -> parse("\"a\"b,c\n", 64))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("line 1: text after the closing quote of a field");
  }

  @Test
  void next_textAfterClosingQuoteOfMultiLineField_namesTheLineOfTheText() {
    assertThatThrownBy(() -> parse("a,b\nc,\"x\ny\"z\n", 64))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("line 3: text after the closing quote of a field");
  }

  @Test
  void next_quoteNeverClosedInLaterField_namesTheLineWhereItOpened() {
    assertThatThrownBy(() -> parse("b,\"two\nlines\",\"open\nmore\n", 64))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("line 2: a quoted field is not closed before the end of the input");
  }

  @Test
  void next_quoteInsideUnquotedField_isTextUnlessStrict() throws IOException {
    assertThat(parse("b,ok\nb,bad\"key\n", 64)).containsExactly(List.of("b", "ok"), List.of("b", "bad\"key"));
    assertThatThrownBy(() -> strict("b,ok\nb,bad\"key\n"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("line 2: a quote inside an unquoted field");
  }

  @Test
  void next_bytesNotUtf8_areReplacedUnlessStrict() throws IOException {
    byte[] latin1 = {'b', ',', 'o', 'k', '\n', 'b', ',', 'c', 'a', 'f', (byte) 0xE9, '\n'};
    assertThat(parse(new CsvParser(new ByteArrayInputStream(latin1))))
        .containsExactly(List.of("b", "ok"), List.of("b", "caf\uFFFD"));
    assertThatThrownBy(() -> strict(latin1, 1 << 16))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("line 2: not valid UTF-8");
  }

  @Test
  void strict_bytesNotUtf8InsideMultiLineQuotedField_namesTheirLineAtEveryBufferSize() {
    byte[] csv = "b,k\r\nb,\"one\r\ntwo\nthr?e\"\nb,k2\n".getBytes(StandardCharsets.ISO_8859_1);
    csv[new String(csv, StandardCharsets.ISO_8859_1).indexOf('?')] = (byte) 0xC3; // a lead byte, no continuation
    for (int size = 1; size <= 40; size++) {
      int bufferSize = size;
      assertThatThrownBy(() -> strict(csv, bufferSize))
          .as("buffer of %d bytes", size)
          .isInstanceOf(CsvFormatException.class)
          .hasMessage("line 4: not valid UTF-8");
    }
  }

  @Test
  void strict_sequenceCutByComma_isNotUtf8() {
    byte[] csv = {'b', ',', 'k', (byte) 0xE2, (byte) 0x82, ',', 'v', '\n'};
    assertThatThrownBy(() -> strict(csv, 2))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("line 1: not valid UTF-8");
  }

  @Test
  void strict_validUtf8QuotedAndEmptyFields_readsThemLikeTheDefaultParser() throws IOException {
    String csv = "b,\"a,b\"\r\nb,\"say \"\"hi\"\"\"\nb,\"two\r\nlines\",v1\nb,\"\"\n\n\nb,é😀\uFFFD,";
    List<List<String>> expected = List.of(List.of("b", "a,b"), List.of("b", "say \"hi\""),
        List.of("b", "two\r\nlines", "v1"), List.of("b", ""), List.of("b", "é😀\uFFFD", ""));
    for (int size = 1; size <= 64; size++) {
      assertThat(strict(csv.getBytes(StandardCharsets.UTF_8), size)).as("buffer of %d bytes", size).isEqualTo(expected);
    }
  }

  @Test
  void writeThenParse_randomFields_roundTripsAtEveryBufferSize() throws IOException {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    String alphabet = "ab,\"\r\n é😀%+ ";
    for (int c = 0; c < 2000; c++) {
      List<List<String>> rows = new ArrayList<>();
      StringBuilder csv = new StringBuilder();
      int rowCount = 1 + random.nextInt(4);
      for (int r = 0; r < rowCount; r++) {
        int fieldCount = 2 + random.nextInt(5);
        String[] fields = new String[fieldCount];
        for (int f = 0; f < fieldCount; f++) {
          StringBuilder field = new StringBuilder();
          int len = random.nextInt(8);
          for (int i = 0; i < len; i++) {
            field.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
          }
          fields[f] = field.toString();
        }
        rows.add(List.of(fields));
        CsvWriter.record(csv, fields);
      }
      int buffer = 1 + random.nextInt(16);
      assertThat(parse(csv.toString(), buffer)).as("seed %d, case %d, buffer %d: %s", seed, c, buffer, csv).isEqualTo(rows);
    }
  }

  @Test
  void field_plainAndSpecialValues_quotesOnlyWhenNeeded() {
    StringBuilder sb = new StringBuilder();
    CsvWriter.record(sb, "plain", "a,b", "say \"hi\"", "line\nbreak", "", "{x}");
    assertThat(sb).hasToString("plain,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",,{x}\n");
  }
}
