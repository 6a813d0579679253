package dev.s3batch.tools.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@link WireScenarios} rows of the actions that delete: {@code delete},
 * {@code remove-delete-marker} and {@code revise} (which also rewrites). Delete markers are read
 * back with ListObjectVersions (S3Mock's DeleteObject answer carries the wrong version id).
 */
final class DeleteWireScenarios {

  private static final Map<String, String> PIPE_KEYS = Map.of("S3BATCH_KEY_FORMAT", "pipe");

  private DeleteWireScenarios() {}

  static List<WireScenario> all() {
    List<WireScenario> rows = new ArrayList<>();
    rows.addAll(delete());
    rows.addAll(removeDeleteMarker());
    rows.addAll(revise());
    return rows;
  }

  /** A fresh versioned bucket where {@code key}'s latest version is a delete marker; returns {bucket, marker id}. */
  static String[] deletedObject(S3Client s3, WireScenario.Buckets buckets, String prefix, String key) {
    String bucket = buckets.versioned(prefix);
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("kept"));
    s3.deleteObject(b -> b.bucket(bucket).key(key));
    String marker = s3.listObjectVersions(b -> b.bucket(bucket).prefix(key)).deleteMarkers().get(0).versionId();
    return new String[] {bucket, marker};
  }

  private static List<WireScenario> delete() {
    return List.of(
        new WireScenario("delete", "unversioned object", "Succeeded", "deleted s3://", (s3, buckets) -> {
          String bucket = buckets.plain("iam-del");
          s3.putObject(b -> b.bucket(bucket).key("old/a b+c.txt"), RequestBody.fromString("x"));
          return WireScenario.Task.of(bucket, "old/a b+c.txt", null);
        }),
        new WireScenario("delete", "missing key: already absent (HEAD 404, then GET NoSuchKey)", "Succeeded",
            "already absent",
            (s3, buckets) -> WireScenario.Task.of(buckets.plain("iam-delm"), "gone.txt", null)),
        new WireScenario("delete", "versioned bucket, no version id: creates a delete marker", "Succeeded",
            "created, earlier versions kept",
            (s3, buckets) -> {
              String bucket = buckets.versioned("iam-delvb");
              s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
              return WireScenario.Task.of(bucket, "k", null);
            }),
        new WireScenario("delete", "latest version is a delete marker: already absent", "Succeeded",
            "its latest version is a delete marker",
            (s3, buckets) -> WireScenario.Task.of(DeleteWireScenarios.deletedObject(s3, buckets, "iam-delmk", "k")[0],
                "k", null)),
        new WireScenario("delete", "task names an object version: deleted permanently", "Succeeded",
            "deleted version", (s3, buckets) -> {
          String[] v = WireScenarios.twoVersions(s3, buckets, "iam-delv", "k");
          return WireScenario.Task.of(v[0], "k", v[1]);
        }),
        new WireScenario("delete", "task names a delete marker: deleted permanently", "Succeeded",
            "deleted delete marker", (s3, buckets) -> {
          String[] m = deletedObject(s3, buckets, "iam-delvm", "k");
          return WireScenario.Task.of(m[0], "k", m[1]);
        }),
        new WireScenario("delete", "task names a version already deleted: already absent", "Succeeded",
            "(no such version)",
            (s3, buckets) -> {
              String bucket = buckets.versioned("iam-delva");
              String v1 = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x")).versionId();
              s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(v1));
              return WireScenario.Task.of(bucket, "k", v1);
            }));
  }

  private static List<WireScenario> removeDeleteMarker() {
    return List.of(
        new WireScenario("remove-delete-marker", "version is a delete marker: removed", "Succeeded",
            "removed delete marker", (s3, buckets) -> {
          String[] m = deletedObject(s3, buckets, "iam-rdm", "doc 1.txt");
          return WireScenario.Task.of(m[0], "doc 1.txt", m[1]);
        }),
        new WireScenario("remove-delete-marker", "version is an object: nothing removed", "PermanentFailure",
            "is not a delete marker",
            (s3, buckets) -> {
              String[] v = WireScenarios.twoVersions(s3, buckets, "iam-rdmo", "k");
              return WireScenario.Task.of(v[0], "k", v[1]);
            }));
  }

  private static List<WireScenario> revise() {
    return List.of(
        new WireScenario("revise", "upper: reads, then writes the object", "Succeeded",
            "applied revision type 'upper'", (s3, buckets) -> {
          String bucket = buckets.plain("iam-rev");
          s3.putObject(b -> b.bucket(bucket).key("stanza 1.txt"), RequestBody.fromString("Twas brillig"));
          return new WireScenario.Task(bucket, "stanza 1.txt|upper", null, null, PIPE_KEYS);
        }),
        new WireScenario("revise", "reverse of a version: reads it, writes a new current version", "Succeeded",
            "applied revision type 'reverse'",
            (s3, buckets) -> {
              String[] v = WireScenarios.twoVersions(s3, buckets, "iam-revv", "s.txt");
              return new WireScenario.Task(v[0], "s.txt|reverse", v[1], null, PIPE_KEYS);
            }),
        new WireScenario("revise", "lower on a missing key: not found, assuming deleted", "Succeeded",
            "not found, assuming",
            (s3, buckets) -> new WireScenario.Task(buckets.plain("iam-revm"), "gone.txt|lower", null, null, PIPE_KEYS)),
        new WireScenario("revise", "delete of an object", "Succeeded", "deleted stanza", (s3, buckets) -> {
          String bucket = buckets.plain("iam-revd");
          s3.putObject(b -> b.bucket(bucket).key("s.txt"), RequestBody.fromString("x"));
          return new WireScenario.Task(bucket, "s.txt|delete", null, null, PIPE_KEYS);
        }),
        new WireScenario("revise", "delete of a version", "Succeeded", "deleted stanza", (s3, buckets) -> {
          String[] v = WireScenarios.twoVersions(s3, buckets, "iam-revdv", "s.txt");
          return new WireScenario.Task(v[0], "s.txt|delete", v[1], null, PIPE_KEYS);
        }),
        new WireScenario("revise", "delete of a missing key: not found, assuming deleted", "Succeeded",
            "not found, assuming",
            (s3, buckets) -> new WireScenario.Task(buckets.plain("iam-revdm"), "gone.txt|delete", null, null,
                PIPE_KEYS)));
  }
}
