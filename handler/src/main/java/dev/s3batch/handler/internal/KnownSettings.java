package dev.s3batch.handler.internal;

import dev.s3batch.handler.action.ActionRegistry;
import dev.s3batch.handler.spi.ActionProvider;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every setting name the function knows: the toolkit's own ({@link Setting}) and those that the
 * registered actions declare ({@link ActionProvider#settings()}, user actions included), in
 * {@code userArguments} style; and the {@code S3BATCH_} environment variables they make.
 */
public final class KnownSettings {

  /**
   * {@code S3BATCH_} variables that the {@code s3batch} command line and its launcher read
   * ({@code invoke} and {@code job run-local} hand their own environment to the function they run),
   * and that the function ignores.
   */
  public static final Set<String> COMMAND_LINE_VARIABLES =
      Set.of("S3BATCH_ACCOUNT_ID", "S3BATCH_JAVA_OPTS", "S3BATCH_S3MOCK_JAR", "S3BATCH_S3MOCK_LOOPBACK");

  private KnownSettings() {}

  /** The toolkit's settings and every registered action's, sorted. */
  public static Set<String> names(ActionRegistry registry) {
    Set<String> names = toolkit();
    for (ActionProvider p : registry.providers()) {
      names.addAll(p.settings());
    }
    return names;
  }

  /** The toolkit's own settings, sorted. */
  public static Set<String> toolkit() {
    Set<String> names = new TreeSet<>();
    for (Setting s : Setting.values()) {
      names.add(s.argument());
    }
    return names;
  }

  /** The environment variables of {@link #names}, with {@link #COMMAND_LINE_VARIABLES}, sorted. */
  public static Set<String> variables(ActionRegistry registry) {
    Set<String> variables = new TreeSet<>(COMMAND_LINE_VARIABLES);
    names(registry).forEach(n -> variables.add(Setting.environmentVariable(n)));
    return variables;
  }
}
