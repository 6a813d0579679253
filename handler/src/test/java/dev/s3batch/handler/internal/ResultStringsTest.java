package dev.s3batch.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultStringsTest {

  @Test
  void oneLine_crLfTab_becomeSpaces() {
    assertThat(ResultStrings.oneLine("a\r\nb\nc\rd\te")).isEqualTo("a b c d e");
  }

  @Test
  void oneLine_shortMessage_isKeptAsIs() {
    assertThat(ResultStrings.oneLine("copied 12 bytes")).isEqualTo("copied 12 bytes");
  }

  @Test
  void oneLine_longMessage_isCutWithVisibleMark() {
    String cut = ResultStrings.oneLine("x".repeat(2000));

    assertThat(cut).hasSize(ResultStrings.MAX_LENGTH).endsWith("...[truncated]").startsWith("xxxx");
  }

  @Test
  void oneLine_cutInsideSurrogatePair_keepsValidText() {
    int before = ResultStrings.MAX_LENGTH - ResultStrings.TRUNCATION_MARK.length() - 1;
    String cut = ResultStrings.oneLine("a".repeat(before) + "😀".repeat(300));

    assertThat(cut).endsWith("a" + ResultStrings.TRUNCATION_MARK);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - ResultStrings.TRUNCATION_MARK.length() - 1)))
        .isFalse();
  }

  @Test
  void oneLine_null_isEmpty() {
    assertThat(ResultStrings.oneLine(null)).isEmpty();
  }
}
