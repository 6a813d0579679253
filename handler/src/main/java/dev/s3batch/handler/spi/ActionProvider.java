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
   * ({@code storageClass}). A job's {@code userArguments} entry that neither the toolkit nor the
   * chosen action declares fails the tasks, rather than being ignored.
   */
  default Set<String> settings() {
    return Set.of();
  }

  /** Creates the action; called once per function instance. */
  ObjectAction create();

  /** A provider from its parts, for built-ins and tests. */
  static ActionProvider of(String name, Set<String> settings, Supplier<ObjectAction> factory) {
    Objects.requireNonNull(name, "name");
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
      public ObjectAction create() {
        return factory.get();
      }
    };
  }
}
