package dev.s3batch.bench;

import dev.s3batch.handler.spi.ActionProvider;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.TaskOutcome;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The benchmark's actions, registered in {@code META-INF/services} and found by
 * {@link java.util.ServiceLoader} like any user action. Neither calls S3.
 */
public final class BenchActions {

  private BenchActions() {}

  /** {@code bench-succeed}: answers Succeeded, naming the decoded key. */
  public static final class Succeed implements ActionProvider {
    /** The action's name. */
    public static final String NAME = "bench-succeed";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public ObjectAction create() {
      return (task, context) -> TaskOutcome.succeeded("visited " + task.key());
    }
  }

  /** {@code bench-throttled}: throws S3's 503 SlowDown, so the failure classifier runs. */
  public static final class Throttled implements ActionProvider {
    /** The action's name. */
    public static final String NAME = "bench-throttled";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public ObjectAction create() {
      return (task, context) -> {
        throw slowDown();
      };
    }
  }

  /** The exception the SDK throws for S3's 503 SlowDown. */
  static S3Exception slowDown() {
    return (S3Exception) S3Exception.builder()
        .statusCode(503)
        .requestId("4442587FB7D0A2F9")
        .awsErrorDetails(AwsErrorDetails.builder()
            .errorCode("SlowDown").errorMessage("Please reduce your request rate.").serviceName("S3").build())
        .build();
  }
}
