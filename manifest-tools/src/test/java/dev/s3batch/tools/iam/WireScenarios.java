package dev.s3batch.tools.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The rows of {@link ActionWirePermissionsTest}: one per path through a built-in action that
 * makes a different set of S3 calls. Together an action's rows must exercise every S3 permission
 * its policy grants (unversioned and versioned tasks, single-part and multipart copies, ...).
 * The rows of the copying and the deleting actions are in {@link CopyWireScenarios} and
 * {@link DeleteWireScenarios}.
 */
final class WireScenarios {

  /** {@code missingKey=temporary}: a missing key is a TemporaryFailure (needs 404, so s3:ListBucket on AWS). */
  static final Map<String, String> MISSING_KEY_TEMPORARY = Map.of("S3BATCH_MISSING_KEY", "temporary");

  private WireScenarios() {}

  static List<WireScenario> all() {
    List<WireScenario> rows = new ArrayList<>();
    rows.addAll(head());
    rows.addAll(CopyWireScenarios.all());
    rows.addAll(DeleteWireScenarios.all());
    rows.addAll(tag());
    rows.addAll(checksum());
    return rows;
  }

  /** A fresh versioned bucket holding two versions of {@code key}; returns {bucket, first version id}. */
  static String[] twoVersions(S3Client s3, WireScenario.Buckets buckets, String prefix, String key) {
    String bucket = buckets.versioned(prefix);
    String first = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("first version"))
        .versionId();
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("second version"));
    return new String[] {bucket, first};
  }

  private static List<WireScenario> head() {
    return List.of(
        new WireScenario("head", "unversioned object", "Succeeded", (s3, buckets) -> {
          String bucket = buckets.plain("iam-head");
          s3.putObject(b -> b.bucket(bucket).key("photos/cat 1.jpg"), RequestBody.fromString("meow"));
          return WireScenario.Task.of(bucket, "photos/cat 1.jpg", null);
        }),
        new WireScenario("head", "task with a version id", "Succeeded", (s3, buckets) -> {
          String[] v = twoVersions(s3, buckets, "iam-headv", "doc+v.txt");
          return WireScenario.Task.of(v[0], "doc+v.txt", v[1]);
        }),
        new WireScenario("head", "missing key", "PermanentFailure", "HTTP 404", (s3, buckets) -> {
          String bucket = buckets.plain("iam-headm");
          return WireScenario.Task.of(bucket, "no/such/key", null);
        }),
        new WireScenario("head", "missing key with missingKey=temporary", "TemporaryFailure",
            "HTTP 404", (s3, buckets) -> {
          String bucket = buckets.plain("iam-headt");
          return new WireScenario.Task(bucket, "not/yet/there", null, null, MISSING_KEY_TEMPORARY);
        }));
  }

  private static List<WireScenario> tag() {
    return List.of(
        new WireScenario("tag", "merge (the default) on an object: reads, then writes its tags", "Succeeded",
            "merged 1 tag(s)",
            (s3, buckets) -> {
              String bucket = buckets.plain("iam-tag");
              s3.putObject(b -> b.bucket(bucket).key("a b.txt").tagging("owner=ann"), RequestBody.fromString("x"));
              return new WireScenario.Task(bucket, "a b.txt", null, null, Map.of("S3BATCH_TAGS", "tier=cold"));
            }),
        new WireScenario("tag", "replace on an object: writes its tags only", "Succeeded",
            "replaced with 1 tag(s)", (s3, buckets) -> {
          String bucket = buckets.plain("iam-tagr");
          s3.putObject(b -> b.bucket(bucket).key("a.txt").tagging("owner=ann"), RequestBody.fromString("x"));
          return new WireScenario.Task(bucket, "a.txt", null, null,
              Map.of("S3BATCH_TAGS", "tier=cold", "S3BATCH_TAG_MODE", "replace"));
        }),
        new WireScenario("tag", "merge on a version", "Succeeded", "merged 1 tag(s)", (s3, buckets) -> {
          String[] v = twoVersions(s3, buckets, "iam-tagv", "k");
          return new WireScenario.Task(v[0], "k", v[1], null, Map.of("S3BATCH_TAGS", "tier=cold"));
        }),
        new WireScenario("tag", "replace on a version, tags from a JSON key", "Succeeded",
            "replaced with 1 tag(s)", (s3, buckets) -> {
          String[] v = twoVersions(s3, buckets, "iam-tagvr", "k");
          return new WireScenario.Task(v[0], "{\"key\": \"k\", \"tags\": {\"team\": \"blue\"}, \"tagMode\": \"replace\"}",
              v[1], null, Map.of());
        }),
        new WireScenario("tag", "missing key with missingKey=temporary", "TemporaryFailure",
            "HTTP 404", (s3, buckets) -> {
          String bucket = buckets.plain("iam-tagt");
          return new WireScenario.Task(bucket, "not/yet/there", null, null,
              Map.of("S3BATCH_TAGS", "tier=cold", "S3BATCH_MISSING_KEY", "temporary"));
        }));
  }

  private static List<WireScenario> checksum() {
    return List.of(
        new WireScenario("checksum", "object, no expected digest", "Succeeded", "sha256=", (s3, buckets) -> {
          String bucket = buckets.plain("iam-sum");
          s3.putObject(b -> b.bucket(bucket).key("data/ü+1.bin"), RequestBody.fromString("abc"));
          return WireScenario.Task.of(bucket, "data/ü+1.bin", null);
        }),
        new WireScenario("checksum", "expected sha256 and crc32c in a JSON key, matching", "Succeeded",
            "verified sha256=",
            (s3, buckets) -> {
              String bucket = buckets.plain("iam-sumok");
              s3.putObject(b -> b.bucket(bucket).key("abc.txt"), RequestBody.fromString("abc"));
              return WireScenario.Task.of(bucket, "{\"key\":\"abc.txt\",\"sha256\":"
                  + "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\",\"crc32c\":\"Nks/tw==\"}",
                  null);
            }),
        new WireScenario("checksum", "expected sha256 not matching", "PermanentFailure",
            "checksum mismatch", (s3, buckets) -> {
          String bucket = buckets.plain("iam-sumbad");
          s3.putObject(b -> b.bucket(bucket).key("abc.txt"), RequestBody.fromString("abd"));
          return WireScenario.Task.of(bucket, "{\"key\":\"abc.txt\",\"sha256\":"
              + "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"}", null);
        }),
        new WireScenario("checksum", "task with a version id", "Succeeded", (s3, buckets) -> {
          String[] v = twoVersions(s3, buckets, "iam-sumv", "v.bin");
          return WireScenario.Task.of(v[0], "v.bin", v[1]);
        }),
        new WireScenario("checksum", "missing key with missingKey=temporary", "TemporaryFailure",
            "HTTP 404", (s3, buckets) -> {
          String bucket = buckets.plain("iam-sumt");
          return new WireScenario.Task(bucket, "not/yet/there", null, null, MISSING_KEY_TEMPORARY);
        }));
  }
}
