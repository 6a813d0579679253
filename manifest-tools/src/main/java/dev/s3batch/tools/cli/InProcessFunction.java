package dev.s3batch.tools.cli;

import dev.s3batch.handler.InvalidConfigurationException;
import dev.s3batch.handler.S3BatchHandler;
import java.util.Map;

/** The function that {@code invoke} and {@code job run-local} run in this process. */
final class InProcessFunction {

  private InProcessFunction() {}

  /**
   * The handler, created as Lambda creates it (its init phase). A configuration it refuses (an
   * {@code S3BATCH_} variable no setting declares) is a usage error, before any task runs.
   */
  static S3BatchHandler handler(Map<String, String> environment) {
    try {
      return new S3BatchHandler(environment);
    } catch (InvalidConfigurationException e) {
      throw CliException.usage("the function's environment (--env and this shell's variables): " + e.getMessage());
    }
  }
}
