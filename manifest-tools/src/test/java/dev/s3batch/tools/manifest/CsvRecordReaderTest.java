package dev.s3batch.tools.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  private static List<List<String>> read(String csv) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (CsvRecordReader r = new CsvRecordReader(new StringReader(csv), "in.csv")) {
      while (r.next()) {
        records.add(List.copyOf(r.fields()));
      }
    }
    return records;
  }

  @Test
  void next_quotedFieldsWithCommaQuoteAndLineBreaks_keepsThemVerbatim() throws IOException {
    String csv = "b,\"a,b\"\r\nb,\"say \"\"hi\"\"\"\nb,\"two\r\nlines\",v1\nb,\"\"\n";
    assertThat(read(csv))
        .containsExactly(
            List.of("b", "a,b"), List.of("b", "say \"hi\""), List.of("b", "two\r\nlines", "v1"), List.of("b", ""));
  }

  @Test
  void next_emptyLinesAndNoFinalNewline_skipsEmptyLinesAndReadsLastRecord() throws IOException {
    assertThat(read("\n\nb,k1\n\r\n\nb,k2")).containsExactly(List.of("b", "k1"), List.of("b", "k2"));
  }

  @Test
  void line_recordAfterMultiLineField_countsPhysicalLines() throws IOException {
    try (CsvRecordReader r = new CsvRecordReader(new StringReader("b,\"x\ny\nz\"\n\nb,k\n"), "in.csv")) {
      assertThat(r.next()).isTrue();
      assertThat(r.line()).isEqualTo(1);
      assertThat(r.next()).isTrue();
      assertThat(r.line()).isEqualTo(5);
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void next_quoteInsideUnquotedField_failsNamingLine() {
    assertThatThrownBy(() -> read("b,ok\nb,bad\"key\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("in.csv line 2: a quote inside an unquoted field");
  }

  @Test
  void next_textAfterClosingQuote_failsNamingLine() {
    assertThatThrownBy(() -> read("b,\"abc\"def\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("in.csv line 1: text after the closing quote");
  }

  @Test
  void next_quoteNeverClosed_failsNamingLineWhereItOpened() {
    assertThatThrownBy(() -> read("b,k\nb,\"open\nmore\nlines\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("in.csv line 2: a quoted field is not closed");
  }
}
