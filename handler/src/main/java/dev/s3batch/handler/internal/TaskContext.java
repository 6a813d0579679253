package dev.s3batch.handler.internal;

import dev.s3batch.handler.event.SchemaVersion;
import dev.s3batch.handler.spi.ActionContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/** The {@link ActionContext} of one invocation. */
final class TaskContext implements ActionContext {

  private final Supplier<S3Client> s3;
  private final Settings settings;
  private final LongSupplier remainingMillis;
  private final String jobId;
  private final SchemaVersion schema;
  private final Duration invocationTime;

  TaskContext(
      Supplier<S3Client> s3, Settings settings, LongSupplier remainingMillis, Duration invocationTime, String jobId,
      SchemaVersion schema) {
    this.s3 = s3;
    this.settings = settings;
    this.remainingMillis = remainingMillis;
    this.invocationTime = invocationTime;
    this.jobId = jobId;
    this.schema = schema;
  }

  @Override
  public S3Client s3() {
    return s3.get();
  }

  @Override
  public Optional<String> setting(String name) {
    return settings.get(name);
  }

  @Override
  public Optional<String> functionSetting(String name) {
    return settings.fromEnvironment(name);
  }

  @Override
  public Duration remainingTime() {
    return Duration.ofMillis(remainingMillis.getAsLong());
  }

  /** The time the invocation had when it started: about the function's timeout. */
  Duration invocationTime() {
    return invocationTime;
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public SchemaVersion schema() {
    return schema;
  }
}
