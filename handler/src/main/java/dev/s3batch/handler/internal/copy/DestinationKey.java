package dev.s3batch.handler.internal.copy;

import dev.s3batch.handler.internal.ControlCharacters;
import dev.s3batch.handler.internal.OutcomeException;
import dev.s3batch.handler.spi.TaskOutcome;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rules on the part of a destination key that a job chooses, checked before the function
 * writes anything for it: a JSON key's {@code newKey}, or the {@code destinationPrefix} put before
 * the source key (the source key itself is an existing object's name and is kept as it is, so
 * that any object can be copied). S3 would take most of these keys literally, but they come from
 * a job, not from the function's owner, and each is a way to write somewhere the owner did not
 * mean:
 *
 * <ul>
 *   <li>no leading {@code /}, and no {@code .} or {@code ..} path segment: an S3-compatible server,
 *       proxy or tool that normalises the request path (as HTTP servers do) reads
 *       {@code dest/../other/x} as the object {@code x} of the bucket {@code other}, past the
 *       {@link dev.s3batch.handler.internal.DestinationGuard};
 *   <li>no control character ({@link ControlCharacters#isEscaped}): a key that can forge a line
 *       of a log or a report, or reorder what a terminal shows;
 *   <li>and the whole key 1 to 1,024 bytes of UTF-8 (S3's limit).
 * </ul>
 *
 * <p>A key that breaks a rule fails its task with PermanentFailure {@code InvalidDestinationKey}
 * before anything is read or written; its message names the rule before the key, so that a
 * message cut to the report's length still says why. Thread-safe (stateless).
 */
public final class DestinationKey {

  /** The error code of a refused destination key. */
  public static final String ERROR_CODE = "InvalidDestinationKey";

  private DestinationKey() {}

  /** Checks a {@code newKey} that a job gave: every rule. */
  public static void checkNewKey(String taskId, String newKey) {
    Optional<String> p = length(newKey).or(() -> chosen(newKey));
    p.ifPresent(problem -> refuse(taskId, "destination key", problem, newKey));
  }

  /** Checks {@code prefix} (a job's {@code destinationPrefix}) and the length of {@code prefix + sourceKey}. */
  public static void checkPrefixed(String taskId, String prefix, String sourceKey) {
    chosen(prefix).ifPresent(problem -> refuse(taskId, "destinationPrefix", problem, prefix));
    String key = prefix + sourceKey;
    length(key).ifPresent(problem -> refuse(taskId, "destination key", problem, key));
  }

  private static void refuse(String taskId, String what, String problem, String text) {
    throw new OutcomeException(TaskOutcome.permanentFailure(
        "task " + taskId + ": " + what + " " + problem + "; nothing written; "
            + (what.equals("destinationPrefix") ? "prefix" : "key") + " \"" + ControlCharacters.escape(text) + "\"",
        ERROR_CODE));
  }

  private static Optional<String> length(String key) {
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    return bytes == 0 || bytes > 1024
        ? Optional.of("has " + bytes + " bytes: a destination key must be 1 to 1,024 bytes of UTF-8")
        : Optional.empty();
  }

  /** What is wrong with text a job chose for a key, empty when nothing is. */
  static Optional<String> chosen(String text) {
    if (text.startsWith("/")) {
      return Optional.of("starts with '/': a destination key is relative to its bucket");
    }
    for (String segment : text.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("has a \"" + segment + "\" path segment, which a path-normalising server reads as"
            + " another folder or bucket");
      }
    }
    for (int i = 0; i < text.length(); i++) {
      if (ControlCharacters.isEscaped(text.charAt(i))) {
        return Optional.of("holds a control character at position " + i);
      }
    }
    return Optional.empty();
  }
}
