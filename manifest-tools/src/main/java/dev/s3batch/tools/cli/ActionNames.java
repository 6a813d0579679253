package dev.s3batch.tools.cli;

import dev.s3batch.handler.action.ActionRegistry;
import java.util.Iterator;

/** The built-in actions' names, from {@link ActionRegistry}: what {@code --help} lists for {@code --action}. */
final class ActionNames implements Iterable<String> {

  @Override
  public Iterator<String> iterator() {
    return ActionRegistry.builtInNames().iterator();
  }
}
