package dev.s3batch.handler.internal;

import dev.s3batch.handler.action.ActionRegistry;
import dev.s3batch.handler.event.BatchEvent;
import dev.s3batch.handler.event.BatchTask;
import dev.s3batch.handler.response.BatchResponse;
import dev.s3batch.handler.response.TaskResult;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.ObjectTask;
import dev.s3batch.handler.spi.TaskOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Answers one invocation: resolves its setup once, then runs every task in isolation, so that an
 * exception in one task becomes that task's failure and never sinks the others. Thread-safe:
 * per-invocation state lives in locals; actions are created once per name and reused, and the
 * last setup is kept for the next invocation with the same {@code userArguments} (a setup depends
 * on nothing else: the environment and the registry are fixed), as every invocation of a job has.
 */
public final class InvocationProcessor {

  private final Map<String, String> environment;
  private final Supplier<S3Client> s3;
  private final ActionRegistry registry;
  private final Map<String, ObjectAction> actions = new ConcurrentHashMap<>();
  private volatile Resolved last;

  /** A setup resolved for {@code userArguments}: the setup, or the mistake that fails every task. */
  private record Resolved(Map<String, String> userArguments, InvocationSetup setup, String error) {}

  /**
   * @param environment the function's environment
   * @param s3 the S3 client, asked for on first use
   * @param registry where actions are found
   */
  public InvocationProcessor(Map<String, String> environment, Supplier<S3Client> s3, ActionRegistry registry) {
    this.environment = Map.copyOf(environment);
    this.s3 = s3;
    this.registry = registry;
  }

  /**
   * Answers every task of the event, in order.
   *
   * @param event the invocation
   * @param remainingMillis the time left in the invocation
   * @param log where the one line per task goes, or null when nobody reads it (the lines are not made)
   */
  public BatchResponse process(BatchEvent event, LongSupplier remainingMillis, Consumer<String> log) {
    Duration invocationTime = Duration.ofMillis(remainingMillis.getAsLong());
    Resolved resolved = resolve(event.job().userArguments());
    InvocationSetup setup = resolved.setup();
    String setupError = resolved.error();
    List<TaskResult> results = new ArrayList<>(event.tasks().size());
    for (BatchTask task : event.tasks()) {
      long start = System.nanoTime();
      TaskOutcome outcome;
      if (setup == null) {
        outcome = TaskOutcome.permanentFailure(setupError, "InvalidConfiguration");
      } else if (task.problem() != null) {
        outcome = TaskOutcome.permanentFailure(task.problem(), "InvalidTask");
      } else {
        outcome = runIsolated(task, event, setup, remainingMillis, invocationTime);
      }
      results.add(new TaskResult(task.taskId(), outcome.resultCode(), ResultStrings.oneLine(outcome.message())));
      if (log != null) {
        log.accept(
            TaskLog.line(
                event.job().id(), task.taskId(), task.bucketName().orElse(""),
                task.s3Key() == null ? "" : task.s3Key(), setup == null ? "" : setup.actionName(),
                outcome.resultCode().name(), (System.nanoTime() - start) / 1_000_000, outcome.errorCode()));
      }
    }
    return BatchResponse.of(event.invocationSchemaVersion().wire(), event.invocationId(), results);
  }

  private Resolved resolve(Map<String, String> userArguments) {
    Resolved r = last;
    if (r != null && r.userArguments().equals(userArguments)) {
      return r;
    }
    try {
      r = new Resolved(userArguments, InvocationSetup.resolve(environment, userArguments, registry), null);
    } catch (InvocationSetup.SetupException e) {
      r = new Resolved(userArguments, null, e.getMessage());
    }
    last = r;
    return r;
  }

  private TaskOutcome runIsolated(
      BatchTask task, BatchEvent event, InvocationSetup setup, LongSupplier remainingMillis, Duration invocationTime) {
    FailureClassifier classifier = classifier(setup.settings());
    try {
      ObjectTask objectTask = objectTask(task, event, setup);
      ObjectAction action = actions.computeIfAbsent(setup.actionName(), n -> setup.provider().create());
      TaskOutcome outcome =
          action.perform(
              objectTask,
              new TaskContext(s3, setup.settings(), remainingMillis, invocationTime, event.job().id(),
                  event.invocationSchemaVersion()));
      return outcome != null
          ? outcome
          : TaskOutcome.permanentFailure("action " + setup.actionName() + " returned no outcome", "");
    } catch (Exception | LinkageError | StackOverflowError e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return classifier.classify(e);
    }
  }

  private static FailureClassifier classifier(Settings settings) {
    return new FailureClassifier("temporary".equals(settings.get(Setting.MISSING_KEY).orElse("permanent")));
  }

  private static ObjectTask objectTask(BatchTask task, BatchEvent event, InvocationSetup setup)
      throws MalformedKeyException {
    String bucket =
        task.bucketName()
            .orElseThrow(() -> new IllegalArgumentException(
                "task " + task.taskId() + " names no bucket (neither s3Bucket nor s3BucketArn)"));
    if (task.s3Key() == null || task.s3Key().isEmpty()) {
      throw new IllegalArgumentException("task " + task.taskId() + " has no s3Key");
    }
    String decoded = KeyDecoder.decode(task.s3Key(), setup.keyDecoding());
    KeyFormat.ParsedKey parsed = setup.parseKey(decoded);
    return new ObjectTask(
        task.taskId(), event.job().id(), bucket, parsed.key(), task.versionId().orElse(null), task.s3Key(),
        parsed.parameters());
  }
}
