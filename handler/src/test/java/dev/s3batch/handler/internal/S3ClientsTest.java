package dev.s3batch.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3batch.handler.InvalidConfigurationException;
import dev.s3batch.testkit.Fault;
import dev.s3batch.testkit.FaultProxy;
import dev.s3batch.testkit.S3MockServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The function's S3 client takes its endpoint and its SDK attempts from the environment it is given. */
class S3ClientsTest {

  private static Map<String, String> environment(FaultProxy proxy, String maxAttempts) {
    Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test",
        "AWS_SECRET_ACCESS_KEY", "test", "AWS_ENDPOINT_URL_S3", proxy.endpoint().toString()));
    if (maxAttempts != null) {
      env.put("AWS_MAX_ATTEMPTS", maxAttempts);
    }
    return env;
  }

  @Test
  void fromEnvironment_maxAttemptsOne_aSlowDownReachesTheCaller() {
    String bucket = S3MockServer.get().newBucket("clients");
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint());
        S3Client s3 = S3Clients.fromEnvironment(environment(proxy, "1"))) {
      proxy.inject(r -> r.operation().equals("PutObject"), Fault.slowDown(), 1);

      assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v")))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(503));
      assertThat(proxy.operations()).containsExactly("PutObject");
    }
  }

  @Test
  void fromEnvironment_noMaxAttempts_theSdkRetriesAnInternalError() {
    String bucket = S3MockServer.get().newBucket("clients");
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint());
        S3Client s3 = S3Clients.fromEnvironment(environment(proxy, null))) {
      proxy.inject(r -> r.operation().equals("PutObject"), Fault.internalError(), 1);

      s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v"));

      assertThat(proxy.operations()).containsExactly("PutObject", "PutObject");
      assertThat(S3MockServer.get().client().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String())
          .isEqualTo("v");
    }
  }

  @Test
  void fromEnvironment_maxAttemptsNotANumber_refusedNamingTheVariable() {
    try (FaultProxy proxy = FaultProxy.start(S3MockServer.get().endpoint())) {
      assertThatThrownBy(() -> S3Clients.fromEnvironment(environment(proxy, "three")))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessage("AWS_MAX_ATTEMPTS \"three\" is not a whole number of at least 1");
    }
  }
}
