package dev.s3batch.handler.action;

import static dev.s3batch.handler.testing.Objects3.read;
import static dev.s3batch.handler.testing.Objects3.s3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.testing.BatchInvoker;
import dev.s3batch.handler.testing.BatchInvoker.Response;
import dev.s3batch.handler.testing.TestLambdaContext;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** The fixture {@code events/copy_event_v2.json}, as S3 Batch Operations would send it, through the handler. */
class CopyEventFixtureTest {

  private static final String BUCKET = "s3batch-fixture-copy";

  @Test
  void copy_fixtureEvent_answersEachTaskAndCopiesTheAllowedOnes() throws Exception {
    s3().createBucket(b -> b.bucket(BUCKET));
    s3().putObject(b -> b.bucket(BUCKET).key("photos/cat 1.jpg"), RequestBody.fromString("meow"));
    s3().putObject(b -> b.bucket(BUCKET).key("photos/dog.jpg"), RequestBody.fromString("woof"));
    byte[] event;
    try (InputStream in = getClass().getResourceAsStream("/events/copy_event_v2.json")) {
      event = in.readAllBytes();
    }

    Response r = new BatchInvoker(Map.of("S3BATCH_ACTION", "copy")).invokeRaw(event, TestLambdaContext.ample());

    assertThat(r.json().get("invocationSchemaVersion").asText()).isEqualTo("2.0");
    assertThat(r.json().get("invocationId").asText()).isEqualTo("Y29weS1maXh0dXJlLWludm9jYXRpb24K");
    assertThat(r.json().get("results")).extracting(n -> n.get("taskId").asText())
        .containsExactly("dGFzay0x", "dGFzay0y", "dGFzay0z", "dGFzay00");
    assertThat(r.code(0)).isEqualTo("Succeeded");
    assertThat(r.message(0)).isEqualTo("copied s3://" + BUCKET + "/photos/cat 1.jpg to s3://" + BUCKET
        + "/archive/photos/cat 1.jpg (4 bytes, etag \"4a4be40c96ac6314e91d93f38043a634\")");
    assertThat(r.code(1)).isEqualTo("Succeeded");
    assertThat(r.message(1)).isEqualTo("copied s3://" + BUCKET + "/photos/dog.jpg to s3://" + BUCKET
        + "/renamed/dog.jpg (4 bytes, etag \"8fdb60801e9d39a5286aa01dd1f4f4f3\")");
    assertThat(r.code(2)).isEqualTo("PermanentFailure");
    assertThat(r.message(2)).startsWith("destination bucket not allowed: \"not-allowed-bucket\"");
    assertThat(r.code(3)).isEqualTo("PermanentFailure");
    assertThat(r.message(3)).startsWith("S3 error ").contains("(HTTP 404");
    assertThat(new String(read(BUCKET, "archive/photos/cat 1.jpg"))).isEqualTo("meow");
    assertThat(new String(read(BUCKET, "renamed/dog.jpg"))).isEqualTo("woof");
  }
}
