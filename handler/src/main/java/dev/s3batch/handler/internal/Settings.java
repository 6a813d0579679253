package dev.s3batch.handler.internal;

import java.util.Map;
import java.util.Optional;

/**
 * The settings of one invocation: the job's {@code userArguments} over the function's
 * environment, except guard rails, which only the environment sets. Immutable.
 */
public final class Settings {

  private final Map<String, String> environment;
  private final Map<String, String> userArguments;

  public Settings(Map<String, String> environment, Map<String, String> userArguments) {
    this.environment = Map.copyOf(environment);
    this.userArguments = Map.copyOf(userArguments);
  }

  /** A setting by its {@code userArguments} name; blank values count as unset. */
  public Optional<String> get(String name) {
    boolean jobMaySet = Setting.byArgument(name).map(Setting::jobMaySet).orElse(true);
    String value = jobMaySet ? userArguments.get(name) : null;
    if (value == null || value.isBlank()) {
      value = environment.get(Setting.environmentVariable(name));
    }
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** A toolkit setting. */
  public Optional<String> get(Setting setting) {
    return get(setting.argument());
  }

  /** A setting from the environment only. */
  public Optional<String> fromEnvironment(Setting setting) {
    return fromEnvironment(setting.argument());
  }

  /** A setting, by its {@code userArguments} name, from the environment only. */
  public Optional<String> fromEnvironment(String name) {
    return Optional.ofNullable(environment.get(Setting.environmentVariable(name)))
        .map(String::strip)
        .filter(v -> !v.isEmpty());
  }

  /** The job's user arguments. */
  public Map<String, String> userArguments() {
    return userArguments;
  }
}
