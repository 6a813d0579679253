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

  @Test
  void oneLine_keyWithEscapeSequence_escapesControlsKeepsBackslashesAndMakesCrLfTabSpaces() {
    String message = "NoSuchKey: s3://b/evil\u001b[2J\u0007\u009b31m\u202e\\dir\r\nnext\tcol";

    assertThat(ResultStrings.oneLine(message)).isEqualTo("NoSuchKey: s3://b/evil\\x1b[2J\\x07\\x9b31m\\u202e\\dir next col");
  }

  @Test
  void oneLine_longMessageOfControls_isCutBeforeAnEscapeNotInsideIt() {
    String cut = ResultStrings.oneLine("\u001b".repeat(400));

    assertThat(cut).endsWith("\\x1b" + ResultStrings.TRUNCATION_MARK).hasSizeLessThanOrEqualTo(ResultStrings.MAX_LENGTH);
    assertThat(cut).doesNotContain("\u001b");
  }
}
