package dev.s3batch.handler.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name a mistyped one was probably meant to be, by edit distance (Levenshtein:
 * insertions, deletions and substitutions of one character each), compared without regard to
 * case. Thread-safe (stateless).
 *
 * <pre>{@code
 * NearestName.closest("S3BATCH_DESTINATON_BUCKET", known); // S3BATCH_DESTINATION_BUCKET
 * NearestName.isNearMiss("DestinationBucket", "destinationBucket"); // true
 * }</pre>
 */
public final class NearestName {

  private NearestName() {}

  /** The candidate nearest to {@code name} (the first of equals, in iteration order); empty if there are none. */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Whether {@code name} looks like a slip for {@code known}: the same name in other case, or a
   * few edits away (1 for names up to 4 characters, 2 up to 9, else 3), but not the same name.
   */
  public static boolean isNearMiss(String name, String known) {
    if (name.equals(known)) {
      return false;
    }
    int allowed = known.length() <= 4 ? 1 : known.length() <= 9 ? 2 : 3;
    return distance(name, known) <= allowed;
  }

  /** The edit distance between {@code a} and {@code b}, ignoring case. */
  public static int distance(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[t.length() + 1];
    int[] current = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int substitute = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[t.length()];
  }
}
