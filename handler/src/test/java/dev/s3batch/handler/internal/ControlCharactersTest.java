package dev.s3batch.handler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

  @Test
  void escape_terminalSequence_showsEscAsHex() {
    assertEquals("a\\x1b[2Jb", ControlCharacters.escape("a\u001b[2Jb"));
  }

  @Test
  void escape_lineBreaksAndTabs_useTheirShortNames() {
    assertEquals("x\\r\\ny\\tz", ControlCharacters.escape("x\r\ny\tz"));
  }

  @Test
  void escape_backslash_isDoubledSoTheTextReadsBack() {
    assertEquals("a\\\\x1b", ControlCharacters.escape("a\\x1b"));
  }

  @Test
  void escape_c1DelAndBidiOverrides_areEscaped() {
    assertEquals("\\x7f\\x9b\\u202e\\u2028\\u2066", ControlCharacters.escape("\u007f\u009b\u202e\u2028\u2066"));
  }

  @Test
  void escape_printableUnicode_isUnchangedAndNotCopied() {
    String s = "photos/été/日本語 😀.jpg";
    assertSame(s, ControlCharacters.escape(s));
  }

  @Test
  void escapeKeepingBackslashes_leavesBackslashesButEscapesControls() {
    assertEquals("{\"m\":\"a\\\"b\"}\\x07", ControlCharacters.escapeKeepingBackslashes("{\"m\":\"a\\\"b\"}\u0007"));
  }

  @Test
  void escape_null_isEmpty() {
    assertEquals("", ControlCharacters.escape(null));
  }
}
