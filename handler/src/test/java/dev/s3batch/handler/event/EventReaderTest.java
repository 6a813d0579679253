package dev.s3batch.handler.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3batch.handler.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventReaderTest {

  @Test
  void read_awsSchema1Event_givesEveryField() {
    BatchEvent event = EventReader.read(Fixtures.event("s3_batch_event.json"));

    assertThat(event.invocationSchemaVersion()).isEqualTo(SchemaVersion.V1_0);
    assertThat(event.invocationId()).isEqualTo("YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo");
    assertThat(event.job()).isEqualTo(new BatchJob("f3cc4f60-61f6-4a2b-8a21-d07600c373ce", Map.of()));
    assertThat(event.tasks())
        .containsExactly(
            new BatchTask("dGFza2lkZ29lc2hlcmUK", "customerImage1.jpg", "1", "arn:aws:s3:::amzn-s3-demo-bucket", null));
    assertThat(event.tasks().get(0).bucketName()).contains("amzn-s3-demo-bucket");
    assertThat(event.tasks().get(0).versionId()).contains("1");
  }

  @Test
  void read_regionalBucketArn_bucketIsTextAfterLastColon() {
    BatchEvent event = EventReader.read(Fixtures.event("s3_batch_event_regional_arn.json"));

    assertThat(event.tasks().get(0).bucketName()).contains("bucket");
  }

  @Test
  void read_awsSchema2Event_givesUserArgumentsAndNullVersion() {
    BatchEvent event = EventReader.read(Fixtures.event("s3_batch_event_v2.json"));

    assertThat(event.invocationSchemaVersion()).isEqualTo(SchemaVersion.V2_0);
    assertThat(event.job().userArguments()).containsExactlyInAnyOrderEntriesOf(Map.of("k1", "v1", "k2", "v2"));
    BatchTask task = event.tasks().get(0);
    assertThat(task.s3VersionId()).isNull();
    assertThat(task.versionId()).isEmpty();
    assertThat(task.bucketName()).contains("powertools-dataset");
    assertThat(task.s3Key()).isEqualTo("prefix/dataset/dataset.20231222.json.gz");
  }

  @Test
  void read_unknownFields_areIgnored() {
    String json = "{\"invocationSchemaVersion\":\"2.0\",\"invocationId\":\"i\",\"newField\":{\"x\":1},"
        + "\"job\":{\"id\":\"j\",\"extra\":true},\"tasks\":[{\"taskId\":\"t\",\"s3Key\":\"k\",\"s3Bucket\":\"b\","
        + "\"s3Extra\":[1]}]}";

    BatchEvent event = EventReader.read(json.getBytes(StandardCharsets.UTF_8));

    assertThat(event.tasks()).containsExactly(new BatchTask("t", "k", null, null, "b"));
  }

  @Test
  void read_userArgumentThatIsNotAString_namesIt() {
    String json = "{\"invocationSchemaVersion\":\"2.0\",\"invocationId\":\"i\",\"job\":{\"id\":\"j\","
        + "\"userArguments\":{\"tags\":{\"a\":\"b\"}}},\"tasks\":[]}";

    assertThatThrownBy(() -> EventReader.read(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("job.userArguments.tags is an object, not a string");
  }

  @Test
  void read_notJson_namesLineAndColumn() {
    assertThatThrownBy(() -> EventReader.read("{\n  \"a\": }".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("event is not valid JSON: ")
        .hasMessageContaining("at line 2, column");
  }

  /** Found by HandlerFuzzTest: four bytes that look like UTF-32 and a fifth made Jackson throw an IOException. */
  @Test
  void read_bytesThatStartLikeUtf32_isInvalidEventNotAnIoError() {
    assertThatThrownBy(() -> EventReader.read(new byte[] {0, 0, 0, 'e', '\n'}))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("event is not valid JSON text: ")
        .hasMessageContaining("UTF-32");
  }
}
