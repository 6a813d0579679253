package dev.s3batch.tools.lambda;

import java.nio.charset.StandardCharsets;

/**
 * The log lines of one invocation, keeping only what {@code LogType: Tail} returns: the last 4 KB
 * (Lambda's limit), cut at a line or character boundary so the decoded text stays valid UTF-8.
 * Thread-safe.
 */
final class LogTail {

  static final int LIMIT = 4096;

  private final StringBuilder text = new StringBuilder();

  synchronized void line(String line) {
    text.append(line).append('\n');
    if (text.length() > 4 * LIMIT) {
      text.delete(0, text.length() - 2 * LIMIT);
    }
  }

  /** The last 4,096 bytes (UTF-8) or less, starting on a whole character. */
  synchronized String last4k() {
    String all = text.toString();
    byte[] bytes = all.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= LIMIT) {
      return all;
    }
    int start = bytes.length - LIMIT;
    while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
      start++;
    }
    return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
  }
}
