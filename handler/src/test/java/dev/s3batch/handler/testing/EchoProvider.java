package dev.s3batch.handler.testing;

import dev.s3batch.handler.spi.ActionProvider;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.TaskOutcome;
import java.util.Set;

/**
 * A user-style action that needs no S3, for fuzzing the handler's whole event-to-response path
 * without a network: {@code echo} answers with the key and task parameters it was given, and
 * fails the task when the job's {@code echoFail} argument says so. It declares the key format
 * {@code pipe}, so keys are split as for {@code revise}.
 */
public final class EchoProvider implements ActionProvider {

  @Override
  public String name() {
    return "echo";
  }

  @Override
  public Set<String> settings() {
    return Set.of("echoFail");
  }

  @Override
  public String keyFormat() {
    return "pipe";
  }

  @Override
  public ObjectAction create() {
    return (task, context) -> {
      String fail = context.setting("echoFail").orElse("");
      if (fail.equals("temporary")) {
        return TaskOutcome.temporaryFailure("echo of " + task.location() + " failed for now", "EchoTemporary");
      }
      if (fail.equals("throw")) {
        throw new IllegalStateException("echo threw on " + task.location());
      }
      return TaskOutcome.succeeded("echo " + task.location() + " " + new java.util.TreeMap<>(task.parameters()));
    };
  }
}
