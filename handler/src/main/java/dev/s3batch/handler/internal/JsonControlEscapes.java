package dev.s3batch.handler.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Jackson's JSON escapes (quote, backslash, C0 controls) plus a {@code \\uXXXX} escape for every
 * other character {@link ControlCharacters#isEscaped} names (DEL, C1 controls, line separators,
 * bidirectional controls), so that JSON written for a log line, a skip file or {@code --json}
 * output holds no raw control character and still reads back to the exact text. Stateless after
 * construction; one instance may serve every generator.
 *
 * <pre>{@code
 * JsonFactory json = new JsonFactory().setCharacterEscapes(new JsonControlEscapes());
 * }</pre>
 */
public final class JsonControlEscapes extends CharacterEscapes {

  private static final long serialVersionUID = 1L;

  private final int[] ascii = standardAsciiEscapesForJSON();

  public JsonControlEscapes() {
    for (char c = 0; c < ascii.length; c++) {
      if (ControlCharacters.isEscaped(c) && ascii[c] == 0) {
        ascii[c] = ESCAPE_STANDARD;
      }
    }
  }

  /**
   * Whether {@code text} holds a character that these escapes write as {@code \\uXXXX} and Jackson's
   * standard ones leave raw (DEL and above): without one, a generator without these escapes writes
   * the same bytes, on Jackson's faster path.
   */
  public static boolean needed(String text) {
    for (int i = 0, n = text == null ? 0 : text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x7f && ControlCharacters.isEscaped(c)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    return ch < Character.MIN_SUPPLEMENTARY_CODE_POINT && ControlCharacters.isEscaped((char) ch)
        ? new SerializedString(String.format("\\u%04X", ch))
        : null;
  }
}
