package dev.s3batch.tools.cli;

import dev.s3batch.handler.event.SchemaVersion;
import java.util.Map;

/** The invocation schema of {@code --schema} and {@code --arg}, as {@code invoke} and {@code job run-local} choose it. */
final class SchemaChoice {

  private SchemaChoice() {}

  /**
   * The schema {@code --schema} names; without it, 1.0, or 2.0 when user arguments are given.
   *
   * @throws CliException (usage) when {@code schema} is not 1.0 or 2.0
   */
  static SchemaVersion of(String schema, Map<String, String> args) {
    if (schema == null) {
      return args.isEmpty() ? SchemaVersion.V1_0 : SchemaVersion.V2_0;
    }
    return SchemaVersion.fromWire(schema)
        .orElseThrow(() -> CliException.usage("--schema \"" + schema + "\" is not 1.0 or 2.0"));
  }
}
