package dev.s3batch.handler.action;

import dev.s3batch.handler.internal.copy.CopySettings;
import dev.s3batch.handler.spi.ActionProvider;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds actions by name: the built-ins first, then users' {@link ActionProvider}s found with
 * {@link ServiceLoader} (looked up once, on first use of a name that is not built in). A user
 * provider cannot replace a built-in. Thread-safe.
 */
public final class ActionRegistry {

  private static final List<ActionProvider> BUILT_INS =
      List.of(
          ActionProvider.of("head", Set.of(), HeadAction::new),
          ActionProvider.of("copy", CopySettings.NAMES, CopyAction::new),
          ActionProvider.of("move", CopySettings.NAMES, MoveAction::new),
          ActionProvider.of("delete", Set.of(), DeleteAction::new),
          ActionProvider.of("remove-delete-marker", Set.of(), RemoveDeleteMarkerAction::new),
          ActionProvider.of("revise", Set.of(), "pipe", ReviseAction::new),
          ActionProvider.of("tag", TagAction.SETTINGS, TagAction::new),
          ActionProvider.of("checksum", Set.of(), ChecksumAction::new));

  private final ClassLoader loader;
  private volatile Map<String, ActionProvider> all;

  /** A registry that looks for user providers with the given class loader. */
  public ActionRegistry(ClassLoader loader) {
    this.loader = loader;
  }

  /** A registry that looks for user providers with this class's loader. */
  public ActionRegistry() {
    this(ActionRegistry.class.getClassLoader());
  }

  /** The provider of the action with this name. */
  public Optional<ActionProvider> find(String name) {
    for (ActionProvider p : BUILT_INS) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.ofNullable(byName().get(name));
  }

  /** Every known action name, sorted. */
  public Set<String> names() {
    return new TreeSet<>(byName().keySet());
  }

  /** The names of the built-in actions. */
  public static Set<String> builtInNames() {
    Set<String> names = new TreeSet<>();
    BUILT_INS.forEach(p -> names.add(p.name()));
    return names;
  }

  /** Every known action's provider: the built-ins, then the user providers found. */
  public Collection<ActionProvider> providers() {
    return List.copyOf(byName().values());
  }

  private Map<String, ActionProvider> byName() {
    Map<String, ActionProvider> local = all;
    if (local == null) {
      synchronized (this) {
        local = all;
        if (local == null) {
          local = new LinkedHashMap<>();
          for (ActionProvider p : BUILT_INS) {
            local.put(p.name(), p);
          }
          for (ActionProvider p : ServiceLoader.load(ActionProvider.class, loader)) {
            local.putIfAbsent(p.name(), p);
          }
          all = local;
        }
      }
    }
    return local;
  }
}
