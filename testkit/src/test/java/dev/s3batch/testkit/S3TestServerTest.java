package dev.s3batch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class S3TestServerTest {

  @Test
  void fromProperty_unsetOrS3mock_choosesS3Mock() {
    assertThat(S3TestServer.Kind.fromProperty(null)).isEqualTo(S3TestServer.Kind.S3MOCK);
    assertThat(S3TestServer.Kind.fromProperty("")).isEqualTo(S3TestServer.Kind.S3MOCK);
    assertThat(S3TestServer.Kind.fromProperty("s3mock")).isEqualTo(S3TestServer.Kind.S3MOCK);
  }

  @Test
  void fromProperty_localstack_choosesLocalStack() {
    assertThat(S3TestServer.Kind.fromProperty("localstack")).isEqualTo(S3TestServer.Kind.LOCALSTACK);
    assertThat(S3TestServer.Kind.fromProperty(" LocalStack ")).isEqualTo(S3TestServer.Kind.LOCALSTACK);
  }

  @Test
  void fromProperty_unknownValue_failsNamingTheChoices() {
    assertThatThrownBy(() -> S3TestServer.Kind.fromProperty("minio"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("unknown -Ds3batch.s3=minio: choose s3mock (the default) or localstack");
  }

  @Test
  void requireDocker_engineDoesNotAnswer_failsWithTheProfileMessageAndDockersWords() {
    List<String> noEngine = List.of("sh", "-c",
        "echo 'Client: Docker Engine'; echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' >&2; exit 1");
    assertThatThrownBy(() -> DockerProbe.require(noEngine))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the localstack profile needs a Docker engine: ")
        .hasMessageContaining("exited with 1: Cannot connect to the Docker daemon at unix:///var/run/docker.sock.")
        .hasMessageContaining("build without -Plocalstack");
  }

  @Test
  void requireDocker_noDockerCommand_failsWithTheProfileMessage() {
    assertThatThrownBy(() -> DockerProbe.require(List.of("/nonexistent/docker", "info")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the localstack profile needs a Docker engine: `/nonexistent/docker info` cannot run")
        .hasMessageContaining("is the Docker CLI installed?");
  }

  @Test
  void requireDocker_engineAnswers_passes() {
    assertThatCode(() -> DockerProbe.require(List.of("sh", "-c", "echo 28.2.2"))).doesNotThrowAnyException();
  }

  @Test
  void get_chosenServer_isOnLoopbackAndServesBuckets() {
    S3TestServer server = S3TestServer.get();
    assertThat(server.kind()).isEqualTo(S3TestServer.Kind.fromProperty(System.getProperty(S3TestServer.PROPERTY)));
    assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
    String bucket = server.newBucket("probe");
    server.client().putObject(b -> b.bucket(bucket).key("k"), software.amazon.awssdk.core.sync.RequestBody.fromString("v"));
    assertThat(server.client().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("v");
    assertThat(S3MockServer.get().endpoint()).isEqualTo(server.endpoint());
  }
}
