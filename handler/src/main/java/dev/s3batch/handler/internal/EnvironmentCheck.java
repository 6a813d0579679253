package dev.s3batch.handler.internal;

import dev.s3batch.handler.InvalidConfigurationException;
import dev.s3batch.handler.action.ActionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses, when the function starts, an {@code S3BATCH_} variable (in any case) that neither the
 * toolkit nor any registered action declares: a typo such as {@code S3BATCH_DESTINATON_BUCKET}
 * would otherwise be ignored, and a move would land in the source bucket. The message names each
 * unknown variable and the closest known one.
 */
public final class EnvironmentCheck {

  private static final String PREFIX = "S3BATCH_";

  private EnvironmentCheck() {}

  /** Throws {@link InvalidConfigurationException} when {@code environment} holds an unknown {@code S3BATCH_} variable. */
  public static void check(Map<String, String> environment, ActionRegistry registry) {
    Set<String> known = null;
    List<String> faults = new ArrayList<>();
    for (String name : new TreeSet<>(environment.keySet())) {
      if (!name.toUpperCase(Locale.ROOT).startsWith(PREFIX)) {
        continue;
      }
      if (known == null) {
        known = KnownSettings.variables(registry);
      }
      if (!known.contains(name)) {
        faults.add(fault(name, known));
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidConfigurationException(String.join("; ", faults));
    }
  }

  private static String fault(String name, Set<String> known) {
    String shown = ControlCharacters.escape(name);
    String suffix = name.substring(PREFIX.length());
    List<String> suffixes = known.stream().map(k -> k.substring(PREFIX.length())).toList();
    String closest = PREFIX + NearestName.closest(suffix, suffixes).orElseThrow();
    if (NearestName.isNearMiss(suffix, closest.substring(PREFIX.length()))) {
      return "unknown variable " + shown + ": did you mean " + closest + "?";
    }
    return "unknown variable " + shown + ": no setting of the toolkit or of any action is named so (the closest known is "
        + closest + "); remove it or fix its name";
  }
}
