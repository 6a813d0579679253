package dev.s3batch.handler.internal;

/**
 * Makes result strings safe for the completion report: one line (CR, LF and TAB become spaces,
 * as AWS's sample does "for compatibility"), every other control character escaped as
 * {@link ControlCharacters#escapeKeepingBackslashes} does (ESC becomes {@code \x1b}, so a key
 * cannot carry a terminal escape sequence into the report), and at most {@link #MAX_LENGTH}
 * characters, with a visible mark where it was cut (never inside an escape or a surrogate pair).
 */
public final class ResultStrings {

  /** The longest result string written, mark included. */
  public static final int MAX_LENGTH = 500;

  /** Appended where a message was cut. */
  public static final String TRUNCATION_MARK = "...[truncated]";

  private ResultStrings() {}

  /** The message as one bounded line. */
  public static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    String s = message.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    String escaped = ControlCharacters.escapeKeepingBackslashes(s);
    if (escaped.length() <= MAX_LENGTH) {
      return escaped;
    }
    int room = MAX_LENGTH - TRUNCATION_MARK.length();
    StringBuilder sb = new StringBuilder(MAX_LENGTH);
    for (int i = 0; i < s.length(); ) {
      int n = Character.charCount(s.codePointAt(i));
      String piece = ControlCharacters.escapeKeepingBackslashes(s.substring(i, i + n));
      if (sb.length() + piece.length() > room) {
        break;
      }
      sb.append(piece);
      i += n;
    }
    return sb.append(TRUNCATION_MARK).toString();
  }
}
