package dev.s3batch.handler.internal;

import dev.s3batch.handler.action.ActionRegistry;
import dev.s3batch.handler.internal.InvocationSetup.SetupException;
import dev.s3batch.handler.spi.ActionProvider;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The typo guard on a job's {@code userArguments}. The toolkit's settings and the chosen action's
 * are read; a map larger than S3 Batch Operations sends (more than 10 entries, a name over 64
 * characters, a value over 1,024) is refused, as are guard rails ({@link Setting#jobMaySet()}
 * false) and names that look like a mistyped setting: a near miss of a known setting name ({@link NearestName#isNearMiss},
 * in any case: {@code destinatonBucket}, {@code DestinationBucket}), a setting only other actions
 * read ({@code storageClass} under {@code head}), or a name starting with {@code s3batch.}. Any
 * other name (AWS's sample {@code k1}, a job's own {@code width}) is passed on: user actions read
 * it with {@code ActionContext.setting}, the built-in actions ignore it.
 */
final class UserArgumentCheck {

  /** The prefix of names that only the toolkit may use in a job's {@code userArguments}. */
  private static final String OUR_PREFIX = "s3batch.";

  private UserArgumentCheck() {}

  /** S3 Batch Operations' limits on a job's {@code UserArguments}: entries, name length, value length. */
  static final int MAX_ENTRIES = 10;
  static final int MAX_NAME = 64;
  static final int MAX_VALUE = 1024;

  /** Throws a {@link SetupException} naming the first refused entry, in name order. */
  static void check(
      Map<String, String> userArguments, ActionProvider provider, ActionRegistry registry) throws SetupException {
    checkLimits(userArguments);
    Set<String> known = null;
    for (String arg : new TreeSet<>(userArguments.keySet())) {
      Optional<Setting> toolkit = Setting.byArgument(arg);
      if (toolkit.isPresent() && !toolkit.get().jobMaySet()) {
        throw new SetupException(
            "userArguments entry \"" + arg + "\" cannot be set by a job: guard rails come only from the "
                + "function's environment (" + toolkit.get().environmentVariable() + ")");
      }
      if (toolkit.isPresent() || provider.settings().contains(arg)) {
        continue;
      }
      if (known == null) {
        known = KnownSettings.names(registry);
      }
      String shown = ControlCharacters.escape(arg);
      if (known.contains(arg)) {
        throw new SetupException("userArguments entry \"" + shown + "\" is a setting of other actions, not of \""
            + provider.name() + "\": choose the action that reads it, or remove it");
      }
      if (arg.regionMatches(true, 0, OUR_PREFIX, 0, OUR_PREFIX.length())) {
        throw new SetupException("unknown userArguments entry \"" + shown + "\": names starting with " + OUR_PREFIX
            + " are the toolkit's and none is named so; the settings are named without it, e.g. "
            + NearestName.closest(arg.substring(OUR_PREFIX.length()), known).orElseThrow());
      }
      if (known.stream().anyMatch(name -> NearestName.isNearMiss(arg, name))) {
        throw new SetupException("unknown userArguments entry \"" + shown + "\": did you mean \""
            + NearestName.closest(arg, known).orElseThrow() + "\"?");
      }
    }
  }

  /**
   * S3 Batch Operations never sends more than CreateJob accepts (1 to 10 entries, names of 1 to
   * 64 characters, values of at most 1,024): an event that does came from elsewhere, and an
   * oversized map is refused before any entry is read.
   */
  private static void checkLimits(Map<String, String> userArguments) throws SetupException {
    if (userArguments.size() > MAX_ENTRIES) {
      throw new SetupException("userArguments has " + userArguments.size() + " entries: a job carries at most "
          + MAX_ENTRIES + " (S3 Batch Operations' limit)");
    }
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(userArguments).entrySet()) {
      String shown = ControlCharacters.escape(e.getKey().length() > MAX_NAME
          ? e.getKey().substring(0, MAX_NAME) + "..." : e.getKey());
      if (e.getKey().isEmpty() || e.getKey().length() > MAX_NAME) {
        throw new SetupException("userArguments entry name \"" + shown + "\" has " + e.getKey().length()
            + " characters: a name has 1 to " + MAX_NAME);
      }
      if (e.getValue().length() > MAX_VALUE) {
        throw new SetupException("userArguments entry \"" + shown + "\" has a value of " + e.getValue().length()
            + " characters: a value has at most " + MAX_VALUE);
      }
    }
  }
}
