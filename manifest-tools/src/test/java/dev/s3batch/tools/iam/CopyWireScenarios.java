package dev.s3batch.tools.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.Fault;
import dev.s3batch.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@link WireScenarios} rows of {@code copy} and {@code move}: one call, multipart (a 10 MiB
 * object over a 5 MiB threshold, in two 5 MiB parts), multipart resumed after an interrupted
 * invocation, multipart aborted on a permanent error, versions, the ACL add-on, replaced tags,
 * the same bucket and another bucket. {@code move} runs the same paths, then verifies and deletes.
 */
final class CopyWireScenarios {

  private static final int MIB = 1 << 20;
  private static final Map<String, String> MULTIPART = Map.of(
      "S3BATCH_MULTIPART_THRESHOLD", "5MiB", "S3BATCH_PART_SIZE", "5MiB", "S3BATCH_COPY_CONCURRENCY", "1");
  private static final Predicate<RecordedRequest> SECOND_PART = r -> r.operation().equals("UploadPartCopy")
      && r.queryParameter("partNumber").filter("2"::equals).isPresent();

  private CopyWireScenarios() {}

  static List<WireScenario> all() {
    List<WireScenario> rows = new ArrayList<>(copyOnly());
    for (String action : List.of("copy", "move")) {
      rows.addAll(both(action));
    }
    rows.addAll(moveOnly());
    return rows;
  }

  /** A source object with tags in a fresh bucket; returns the bucket. */
  private static String source(S3Client s3, WireScenario.Buckets buckets, String prefix, String key, int size) {
    String bucket = buckets.plain(prefix);
    s3.putObject(b -> b.bucket(bucket).key(key).tagging("project=alpha"), RequestBody.fromBytes(new byte[size]));
    return bucket;
  }

  private static Map<String, String> env(Map<String, String> base, String... pairs) {
    Map<String, String> m = new HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static List<WireScenario> both(String action) {
    String verb = action.equals("copy") ? "copied" : "moved";
    return List.of(
        new WireScenario(action, "one CopyObject to another bucket, source tags copied", "Succeeded", verb + " s3://",
            (s3, buckets) -> new WireScenario.Task(source(s3, buckets, "iam-" + action, "in/a b+c.txt", 12),
                "in/a b+c.txt", null, buckets.plain("iam-" + action + "-dst"), Map.of())),
        new WireScenario(action, "task names an older version, copied in the same bucket under a prefix", "Succeeded",
            verb + " s3://", (s3, buckets) -> {
              String[] v = WireScenarios.twoVersions(s3, buckets, "iam-" + action + "v", "doc.txt");
              return new WireScenario.Task(v[0], "doc.txt", v[1], v[0], Map.of("S3BATCH_DESTINATION_PREFIX", "old/"));
            }),
        new WireScenario(action, "multipart over a small threshold, source tags read and set", "Succeeded", "2 parts",
            (s3, buckets) -> new WireScenario.Task(source(s3, buckets, "iam-" + action + "mp", "big.bin", 10 * MIB),
                "big.bin", null, buckets.plain("iam-" + action + "mp-dst"), MULTIPART)),
        new WireScenario(action, "multipart of a version", "Succeeded", "2 parts", (s3, buckets) -> {
          String bucket = buckets.versioned("iam-" + action + "mpv");
          String v1 = s3.putObject(b -> b.bucket(bucket).key("big.bin"), RequestBody.fromBytes(new byte[10 * MIB]))
              .versionId();
          s3.putObject(b -> b.bucket(bucket).key("big.bin"), RequestBody.fromString("small now"));
          return new WireScenario.Task(bucket, "big.bin", v1, bucket, env(MULTIPART, "S3BATCH_DESTINATION_PREFIX", "v/"));
        }),
        new WireScenario(action, "multipart resumed: lists the open upload and its parts", "Succeeded",
            "2 parts, 1 resumed", (s3, buckets) -> {
              WireScenario.Task task = new WireScenario.Task(
                  source(s3, buckets, "iam-" + action + "mpr", "big.bin", 10 * MIB), "big.bin", null,
                  buckets.plain("iam-" + action + "mpr-dst"), MULTIPART);
              var first = WireRun.invokeBeforehand(action, task.withFault(SECOND_PART, Fault.slowDown(), 100));
              assertThat(first.path("resultCode").asText()).as("the interrupted first run: %s", first)
                  .isEqualTo("TemporaryFailure");
              return task;
            }),
        new WireScenario(action, "multipart failing permanently midway: upload aborted", "PermanentFailure",
            "PreconditionFailed", (s3, buckets) -> new WireScenario.Task(
                source(s3, buckets, "iam-" + action + "mpa", "big.bin", 10 * MIB), "big.bin", null,
                buckets.plain("iam-" + action + "mpa-dst"), MULTIPART)
                .withFault(SECOND_PART, Fault.error(412, "PreconditionFailed"), 100)),
        new WireScenario(action, "acl=bucket-owner-full-control, with the acl add-on", "Succeeded", verb + " s3://",
            (s3, buckets) -> new WireScenario.Task(source(s3, buckets, "iam-" + action + "acl", "a.txt", 3), "a.txt",
                null, buckets.plain("iam-" + action + "acl-dst"), Map.of("S3BATCH_ACL", "bucket-owner-full-control"))
                .withAddOn(ActionPermissions.ACL_ADD_ON)),
        new WireScenario(action, "multipart with acl=bucket-owner-full-control, with the acl add-on", "Succeeded",
            "2 parts", (s3, buckets) -> new WireScenario.Task(
                source(s3, buckets, "iam-" + action + "mpacl", "big.bin", 10 * MIB), "big.bin", null,
                buckets.plain("iam-" + action + "mpacl-dst"), env(MULTIPART, "S3BATCH_ACL", "bucket-owner-full-control"))
                .withAddOn(ActionPermissions.ACL_ADD_ON)),
        new WireScenario(action, "missing source key with missingKey=temporary", "TemporaryFailure", "HTTP 404",
            (s3, buckets) -> new WireScenario.Task(buckets.plain("iam-" + action + "m"), "not/yet/there", null,
                buckets.plain("iam-" + action + "m-dst"), WireScenarios.MISSING_KEY_TEMPORARY)));
  }

  private static List<WireScenario> copyOnly() {
    return List.of(
        new WireScenario("copy", "destination already holds the same content: nothing copied", "Succeeded",
            "already copied", (s3, buckets) -> {
              String bucket = source(s3, buckets, "iam-copydone", "a.txt", 5);
              String destination = buckets.plain("iam-copydone-dst");
              s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("a.txt").destinationBucket(destination)
                  .destinationKey("a.txt"));
              return new WireScenario.Task(bucket, "a.txt", null, destination, Map.of());
            }),
        new WireScenario("copy", "tags replaced (taggingDirective=REPLACE): sets them, reads none", "Succeeded",
            "copied s3://", (s3, buckets) -> new WireScenario.Task(source(s3, buckets, "iam-copytag", "a.txt", 5),
                "a.txt", null, buckets.plain("iam-copytag-dst"),
                Map.of("S3BATCH_TAGGING_DIRECTIVE", "REPLACE", "S3BATCH_TAGS", "team=blue"))));
  }

  private static List<WireScenario> moveOnly() {
    return List.of(
        new WireScenario("move", "in the same bucket under a prefix", "Succeeded", "moved s3://",
            (s3, buckets) -> {
              String bucket = source(s3, buckets, "iam-movep", "in/x.txt", 5);
              return new WireScenario.Task(bucket, "in/x.txt", null, bucket,
                  Map.of("S3BATCH_DESTINATION_PREFIX", "archive/"));
            }));
  }
}
