package dev.s3batch.handler.action;

import dev.s3batch.handler.spi.ActionContext;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.ObjectTask;
import dev.s3batch.handler.spi.TaskOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * {@code tag}: puts tags on the object (or the task's version). The tags come from the task's
 * JSON key ({@code {"key": "a.txt", "tags": {"team": "blue"}}}) or else the {@code tags} setting
 * ({@code team=blue&tier=cold}, URL-query style, from the job's {@code userArguments} or
 * {@code S3BATCH_TAGS}). {@code tagMode} ({@code merge}, the default, or {@code replace}; a JSON
 * key's {@code tagMode} field wins) decides whether the object's other tags stay. Tags beyond
 * S3's limits (10 per object after merging, key 1 to 128 characters, value up to 256, no
 * {@code aws:} prefix) fail the task permanently, naming the fault.
 *
 * <p>IAM: {@code s3:PutObjectTagging}, and {@code s3:GetObjectTagging} for {@code merge};
 * versioned tasks {@code s3:PutObjectVersionTagging} and {@code s3:GetObjectVersionTagging}.
 */
public final class TagAction implements ObjectAction {

  /** The settings this action reads. */
  public static final Set<String> SETTINGS = Set.of("tags", "tagMode");

  @Override
  public TaskOutcome perform(ObjectTask task, ActionContext context) {
    Map<String, String> tags;
    Optional<String> fromKey = task.parameter("tags");
    if (fromKey.isPresent()) {
      tags = TagSet.parse(fromKey.get(), "the key of task " + task.taskId());
    } else {
      String setting = context.setting("tags").orElseThrow(() -> new IllegalArgumentException(
          "no tags given for " + task.location() + ": set the tags argument (k1=v1&k2=v2) or S3BATCH_TAGS, "
              + "or use JSON keys with a \"tags\" object"));
      tags = TagSet.parse(setting, "the tags setting");
    }
    String mode = task.parameter("tagMode").or(() -> context.setting("tagMode")).orElse("merge");
    if (!mode.equals("merge") && !mode.equals("replace")) {
      throw new IllegalArgumentException("invalid tagMode \"" + mode + "\"; choose one of: merge, replace");
    }
    TagSet.check(tags, "the tags for " + task.location());
    Map<String, String> result = new LinkedHashMap<>();
    if (mode.equals("merge")) {
      context.s3().getObjectTagging(b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()))
          .tagSet().forEach(t -> result.put(t.key(), t.value()));
    }
    result.putAll(tags);
    TagSet.check(result, mode.equals("merge") ? task.location() + " after merging" : task.location());
    List<Tag> tagSet = result.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
    context.s3().putObjectTagging(
        b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()).tagging(t -> t.tagSet(tagSet)));
    return TaskOutcome.succeeded((mode.equals("merge") ? "merged " : "replaced with ") + tags.size() + " tag(s) on "
        + task.location() + ", now " + result.size() + ": " + String.join(",", new TreeMap<>(result).keySet()));
  }
}
