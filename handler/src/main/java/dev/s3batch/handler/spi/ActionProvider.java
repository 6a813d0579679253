package dev.s3batch.handler.spi;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes an action known by name. Users register theirs for {@link java.util.ServiceLoader} in
 * their own jar, in {@code META-INF/services/dev.s3batch.handler.spi.ActionProvider}; the
 * function then runs it when {@code S3BATCH_ACTION} (or the job's {@code action} argument) names it.
 *
 * <pre>{@code
 * public final class UppercaseProvider implements ActionProvider {
 *   public String name() { return "uppercase"; }
 *   public Set<String> settings() { return Set.of("charset"); }
 *   public ObjectAction create() { return new UppercaseAction(); }
 * }
 * }</pre>
 *
 * <p>Implementations need a public no-argument constructor.
 */
public interface ActionProvider {

  /** The name that selects the action: lower case, digits and {@code -}. */
  String name();

  /**
   * The settings the action reads besides the toolkit's own, in {@code userArguments} style
   * ({@code storageClass}), so also {@code S3BATCH_STORAGE_CLASS} in the function's environment.
   * An {@code S3BATCH_} variable that neither the toolkit nor any registered action declares fails
   * the function's start. A job's {@code userArguments} entry that the chosen action does not
   * declare is refused when it looks like a mistyped setting (a near miss of a known name, in any
   * case, or a name starting with {@code s3batch.}) and otherwise passed on as it is.
   */
  default Set<String> settings() {
    return Set.of();
  }

  /**
   * How the action's manifest keys read when the function and the job leave {@code keyFormat} at
   * its default {@code auto}, for keys that are no JSON object with an {@code origKey} or
   * {@code key} field: {@code "plain"} (the default) or {@code "pipe"} (AWS's {@code key|argument}
   * keys, as {@code revise} reads them).
   */
  default String keyFormat() {
    return "plain";
  }

  /** Creates the action; called once per function instance. */
  ObjectAction create();

  /** A provider from its parts, for built-ins and tests. */
  static ActionProvider of(String name, Set<String> settings, Supplier<ObjectAction> factory) {
    return of(name, settings, "plain", factory);
  }

  /** A provider from its parts, with the key format of its plain manifest keys ({@link #keyFormat()}). */
  static ActionProvider of(String name, Set<String> settings, String keyFormat, Supplier<ObjectAction> factory) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyFormat, "keyFormat");
    Set<String> copy = Set.copyOf(settings);
    return new ActionProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<String> settings() {
        return copy;
      }

      @Override
      public String keyFormat() {
        return keyFormat;
      }

      @Override
      public ObjectAction create() {
        return factory.get();
      }
    };
  }
}
