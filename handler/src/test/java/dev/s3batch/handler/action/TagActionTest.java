package dev.s3batch.handler.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.response.TaskResult;
import dev.s3batch.handler.testing.Invoke;
import dev.s3batch.testkit.S3MockServer;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

class TagActionTest {

  private final S3Client s3 = S3MockServer.get().client();

  private String objectWithTags(String bucket, String key, String tagging) {
    return s3.putObject(b -> b.bucket(bucket).key(key).tagging(tagging), RequestBody.fromString("x")).versionId();
  }

  private Map<String, String> tags(String bucket, String key, String versionId) {
    Map<String, String> tags = new TreeMap<>();
    s3.getObjectTagging(b -> b.bucket(bucket).key(key).versionId(versionId)).tagSet()
        .forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  @Test
  void tag_tagsArgumentDefaultMerge_addsToExistingTags() {
    String bucket = S3MockServer.get().newBucket("tag");
    objectWithTags(bucket, "a.txt", "owner=ann&tier=hot");

    TaskResult r = Invoke.action("tag").userArgument("tags", "tier=cold&project=x%20y").on(bucket, "a.txt")
        .run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).isEqualTo("merged 2 tag(s) on s3://" + bucket + "/a.txt, now 3: owner,project,tier");
    assertThat(tags(bucket, "a.txt", null)).containsExactlyEntriesOf(
        new TreeMap<>(Map.of("owner", "ann", "project", "x y", "tier", "cold")));
  }

  @Test
  void tag_replaceMode_dropsOtherTags() {
    String bucket = S3MockServer.get().newBucket("tag");
    objectWithTags(bucket, "a.txt", "owner=ann&tier=hot");

    TaskResult r = Invoke.action("tag").userArgument("tags", "tier=cold").userArgument("tagMode", "replace")
        .on(bucket, "a.txt").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(tags(bucket, "a.txt", null)).containsExactlyEntriesOf(Map.of("tier", "cold"));
  }

  @Test
  void tag_jsonKeyWithTags_tagsThatObject() {
    String bucket = S3MockServer.get().newBucket("tag");
    objectWithTags(bucket, "dir/b c.txt", "");

    TaskResult r = Invoke.action("tag")
        .on(bucket, "{\"key\": \"dir/b c.txt\", \"tags\": {\"team\": \"blue\", \"cost-center\": \"42\"}}")
        .run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(tags(bucket, "dir/b c.txt", null))
        .containsExactlyEntriesOf(new TreeMap<>(Map.of("team", "blue", "cost-center", "42")));
  }

  @Test
  void tag_versionedTask_tagsOnlyThatVersion() {
    String bucket = S3MockServer.get().newVersionedBucket("tag");
    String v1 = objectWithTags(bucket, "k", "a=1");
    String v2 = objectWithTags(bucket, "k", "a=2");

    TaskResult r = Invoke.action("tag").userArgument("tags", "b=3").onVersion(bucket, "k", v1).run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(tags(bucket, "k", v1)).containsExactlyEntriesOf(new TreeMap<>(Map.of("a", "1", "b", "3")));
    assertThat(tags(bucket, "k", v2)).containsExactlyEntriesOf(Map.of("a", "2"));
  }

  @Test
  void tag_elevenTags_failsPermanentlyNamingTheLimitAndLeavesTags() {
    String bucket = S3MockServer.get().newBucket("tag");
    objectWithTags(bucket, "a.txt", "owner=ann");
    StringBuilder eleven = new StringBuilder();
    for (int i = 1; i <= 11; i++) {
      eleven.append(i == 1 ? "" : "&").append("k").append(i).append("=v");
    }

    TaskResult r = Invoke.action("tag").userArgument("tags", eleven.toString()).on(bucket, "a.txt").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).contains("has 11 tags: S3 allows at most 10 per object");
    assertThat(tags(bucket, "a.txt", null)).containsExactlyEntriesOf(Map.of("owner", "ann"));
  }

  @Test
  void tag_mergeWouldExceedTen_failsPermanentlyAfterMerging() {
    String bucket = S3MockServer.get().newBucket("tag");
    objectWithTags(bucket, "a.txt", "e1=1&e2=2&e3=3&e4=4&e5=5&e6=6");

    TaskResult r = Invoke.action("tag").userArgument("tags", "n1=1&n2=2&n3=3&n4=4&n5=5").on(bucket, "a.txt")
        .run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).isEqualTo(
        "s3://" + bucket + "/a.txt after merging has 11 tags: S3 allows at most 10 per object");
    assertThat(tags(bucket, "a.txt", null)).hasSize(6);
  }

  @Test
  void tag_keyOver128Characters_failsPermanently() {
    String bucket = S3MockServer.get().newBucket("tag");
    objectWithTags(bucket, "a.txt", "");

    TaskResult r = Invoke.action("tag").userArgument("tags", "k".repeat(129) + "=v").on(bucket, "a.txt").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).contains("has 129 characters: S3 allows 1 to 128");
  }

  @Test
  void tag_valueOver256Characters_failsPermanently() {
    String bucket = S3MockServer.get().newBucket("tag");
    objectWithTags(bucket, "a.txt", "");
    String value = "é".repeat(257);

    TaskResult r = Invoke.action("tag").on(bucket, "{\"key\":\"a.txt\",\"tags\":{\"k\":\"" + value + "\"}}").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).contains("value of tag \"k\"").contains("has 257 characters: S3 allows at most 256");
  }

  @Test
  void tag_exactlyAtLimits_succeeds() {
    String bucket = S3MockServer.get().newBucket("tag");
    objectWithTags(bucket, "a.txt", "");
    // in the JSON key: as a userArguments value (at most 1,024 characters) ten such tags cannot be given
    StringBuilder ten = new StringBuilder("{");
    for (int i = 0; i < 10; i++) {
      String key = (i + "k".repeat(128)).substring(0, 128);
      ten.append(i == 0 ? "" : ",").append('"').append(key).append("\":\"").append("v".repeat(256)).append('"');
    }
    ten.append('}');

    TaskResult r = Invoke.action("tag").on(bucket, "{\"key\":\"a.txt\",\"tags\":" + ten + "}").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("a.txt")).tagSet()).hasSize(10)
        .allSatisfy(t -> assertThat(t.value()).hasSize(256));
  }

  @Test
  void tag_noTagsGiven_failsPermanentlySayingWhereToPutThem() {
    String bucket = S3MockServer.get().newBucket("tag");
    objectWithTags(bucket, "a.txt", "");

    TaskResult r = Invoke.action("tag").on(bucket, "a.txt").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).startsWith("no tags given for s3://" + bucket + "/a.txt: set the tags argument");
  }

  @Test
  void tag_reservedAwsPrefix_failsPermanently() {
    String bucket = S3MockServer.get().newBucket("tag");
    objectWithTags(bucket, "a.txt", "");

    TaskResult r = Invoke.action("tag").userArgument("tags", "aws:owner=me").on(bucket, "a.txt").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).contains("reserved prefix aws:");
    assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("a.txt")).tagSet()).extracting(Tag::key).isEmpty();
  }
}
