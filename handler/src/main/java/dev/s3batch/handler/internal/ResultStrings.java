package dev.s3batch.handler.internal;

/**
 * Makes result strings safe for the completion report: one line (CR, LF and TAB become spaces,
 * as AWS's sample does "for compatibility") and at most {@link #MAX_LENGTH} characters, with a
 * visible mark where it was cut.
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
    String s = message;
    if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0) {
      s = s.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    }
    if (s.length() <= MAX_LENGTH) {
      return s;
    }
    int cut = MAX_LENGTH - TRUNCATION_MARK.length();
    if (Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, cut) + TRUNCATION_MARK;
  }
}
