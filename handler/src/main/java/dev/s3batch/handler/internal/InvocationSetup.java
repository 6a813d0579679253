package dev.s3batch.handler.internal;

import dev.s3batch.handler.action.ActionRegistry;
import dev.s3batch.handler.spi.ActionProvider;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Resolves, once per invocation, what every task of it runs with: the action (checked against
 * the allow-list), the key format and decoding, and the settings. A mistake here (no or unknown
 * action, an action not allowed, a forbidden or mistyped {@code userArguments} entry, a bad
 * setting value, including {@code missingKey} and {@code deadlineMargin}) is a {@link SetupException}: every task of the invocation fails permanently
 * with its message.
 *
 * <p>Which {@code userArguments} entries are refused: {@link UserArgumentCheck}.
 *
 * @param actionName the chosen action
 * @param provider its provider
 * @param keyFormat how keys are read
 * @param otherKeys under {@code auto}, how keys that are no JSON parameter object are read (the action's format)
 * @param keyDecoding how keys are decoded
 * @param settings the invocation's settings
 */
public record InvocationSetup(
    String actionName, ActionProvider provider, KeyFormat keyFormat, KeyFormat otherKeys, KeyDecoding keyDecoding,
    Settings settings) {

  /** A configuration mistake that fails every task of the invocation. */
  public static final class SetupException extends Exception {
    public SetupException(String message) {
      super(message);
    }
  }

  /** Resolves the setup of an invocation. */
  public static InvocationSetup resolve(
      Map<String, String> environment, Map<String, String> userArguments, ActionRegistry registry)
      throws SetupException {
    Settings settings = new Settings(environment, userArguments);
    String name =
        settings.get(Setting.ACTION)
            .orElseThrow(() -> new SetupException(
                "no action configured: set " + Setting.ACTION.environmentVariable()
                    + " in the function's environment or the job's \"action\" argument; known actions: "
                    + String.join(", ", registry.names())));
    ActionProvider provider =
        registry.find(name)
            .orElseThrow(() -> new SetupException(
                "unknown action \"" + name + "\"; known actions: " + String.join(", ", registry.names())));
    checkAllowed(name, settings);
    UserArgumentCheck.check(userArguments, provider, registry);
    KeyFormat format =
        choice(settings, Setting.KEY_FORMAT, KeyFormat.AUTO, KeyFormat::fromSetting,
            Arrays.stream(KeyFormat.values()).map(KeyFormat::setting));
    KeyDecoding decoding =
        choice(settings, Setting.KEY_DECODING, KeyDecoding.PLUS_AS_SPACE, KeyDecoding::fromSetting,
            Arrays.stream(KeyDecoding.values()).map(KeyDecoding::setting));
    checkValues(settings);
    KeyFormat otherKeys = KeyFormat.fromSetting(provider.keyFormat())
        .filter(f -> f == KeyFormat.PLAIN || f == KeyFormat.PIPE)
        .orElseThrow(() -> new SetupException(
            "action \"" + name + "\" declares the key format \"" + provider.keyFormat() + "\"; an action's is plain or pipe"));
    return new InvocationSetup(name, provider, format, otherKeys, decoding, settings);
  }

  /** Reads a decoded key in this invocation's key format. */
  public KeyFormat.ParsedKey parseKey(String decoded) throws MalformedKeyException {
    return keyFormat.parse(decoded, otherKeys);
  }

  /**
   * The allow-list: {@code S3BATCH_ALLOWED_ACTIONS} when set ({@code *} allows any); when unset,
   * only {@code S3BATCH_ACTION} if the function sets one, else any action.
   */
  private static void checkAllowed(String name, Settings settings) throws SetupException {
    Optional<String> list = settings.fromEnvironment(Setting.ALLOWED_ACTIONS);
    Set<String> allowed;
    if (list.isPresent()) {
      allowed = Arrays.stream(list.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
          .collect(Collectors.toCollection(TreeSet::new));
    } else {
      Optional<String> configured = settings.fromEnvironment(Setting.ACTION);
      if (configured.isEmpty()) {
        return;
      }
      allowed = Set.of(configured.get());
    }
    if (!allowed.contains("*") && !allowed.contains(name)) {
      throw new SetupException(
          "action \"" + name + "\" is not allowed by this function (allowed: " + String.join(", ", allowed)
              + "; set " + Setting.ALLOWED_ACTIONS.environmentVariable() + " to allow more)");
    }
  }

  /**
   * The settings that tasks read only when they need them, checked here so that a mistyped value
   * fails every task before the first S3 call rather than being read as the default.
   */
  private static void checkValues(Settings settings) throws SetupException {
    choice(settings, Setting.MISSING_KEY, "permanent",
        v -> v.equals("permanent") || v.equals("temporary") ? Optional.of(v) : Optional.empty(),
        java.util.stream.Stream.of("permanent", "temporary"));
    Optional<String> margin = settings.get(Setting.DEADLINE_MARGIN);
    if (margin.isPresent()) {
      try {
        Deadline.parseMargin(margin.get());
      } catch (IllegalArgumentException e) {
        throw new SetupException(e.getMessage());
      }
    }
  }

  private static <T> T choice(
      Settings settings, Setting setting, T fallback, java.util.function.Function<String, Optional<T>> parse,
      java.util.stream.Stream<String> choices) throws SetupException {
    Optional<String> value = settings.get(setting);
    if (value.isEmpty()) {
      return fallback;
    }
    Optional<T> parsed = parse.apply(value.get());
    if (parsed.isEmpty()) {
      throw new SetupException(
          "invalid " + setting.argument() + " \"" + value.get() + "\"; choose one of: "
              + choices.collect(Collectors.joining(", ")));
    }
    return parsed.get();
  }
}
