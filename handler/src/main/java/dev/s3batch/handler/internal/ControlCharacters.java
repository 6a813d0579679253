package dev.s3batch.handler.internal;

/**
 * The one place where control characters from keys, messages and result strings are made
 * visible: every C0 and C1 control character and DEL, the Unicode line and paragraph separators,
 * and the bidirectional formatting characters (which reorder what a terminal shows) become a
 * printable escape, so that a key that holds ESC {@code [2J} cannot clear a terminal, forge a
 * line of output or hide text.
 *
 * <pre>{@code
 * ControlCharacters.escape(key);                   // ESC [31m becomes \x1b[31m, a backslash \\
 * ControlCharacters.escapeKeepingBackslashes(text); // BEL becomes \x07, a backslash stays
 * }</pre>
 *
 * <p>Escapes: {@code \r}, {@code \n}, {@code \t}, {@code \xHH} for other characters below
 * U+0100, a backslash, {@code u} and four hex digits for the rest. Thread-safe (stateless).
 */
public final class ControlCharacters {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ControlCharacters() {}

  /**
   * {@code text} with every control character escaped and every backslash doubled, so that the
   * shown text can be read back unambiguously. For terminal output and error messages.
   */
  public static String escape(String text) {
    return escape(text, true);
  }

  /**
   * {@code text} with every control character escaped, backslashes left as they are. For text
   * whose backslashes belong to its content (a result string that carries JSON).
   */
  public static String escapeKeepingBackslashes(String text) {
    return escape(text, false);
  }

  /** Whether {@code c} is shown escaped. */
  public static boolean isEscaped(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c';
  }

  private static String escape(String text, boolean doubleBackslashes) {
    if (text == null) {
      return "";
    }
    int n = text.length();
    int i = 0;
    while (i < n && !needsWork(text.charAt(i), doubleBackslashes)) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\\' && doubleBackslashes) {
        sb.append("\\\\");
      } else if (!isEscaped(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x100) {
        sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else {
        sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  private static boolean needsWork(char c, boolean doubleBackslashes) {
    return (c == '\\' && doubleBackslashes) || isEscaped(c);
  }
}
