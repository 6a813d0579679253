package dev.s3batch.tools.iam;

import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The rows of {@link ActionWirePermissionsTest}: one per path through a built-in action that
 * makes a different set of S3 calls. Together an action's rows must exercise every S3 permission
 * its policy grants (unversioned and versioned tasks, single-part and multipart copies, ...).
 */
final class WireScenarios {

  private WireScenarios() {}

  static List<WireScenario> all() {
    return List.of(
        new WireScenario("head", "unversioned object", "Succeeded", (s3, buckets) -> {
          String bucket = buckets.plain("iam-head");
          s3.putObject(b -> b.bucket(bucket).key("photos/cat 1.jpg"), RequestBody.fromString("meow"));
          return WireScenario.Task.of(bucket, "photos/cat 1.jpg", null);
        }),
        new WireScenario("head", "task with a version id", "Succeeded", (s3, buckets) -> {
          String bucket = buckets.versioned("iam-headv");
          String version = s3.putObject(b -> b.bucket(bucket).key("doc+v.txt"), RequestBody.fromString("v1"))
              .versionId();
          s3.putObject(b -> b.bucket(bucket).key("doc+v.txt"), RequestBody.fromString("v2"));
          return WireScenario.Task.of(bucket, "doc+v.txt", version);
        }),
        new WireScenario("head", "missing key", "PermanentFailure", (s3, buckets) -> {
          String bucket = buckets.plain("iam-headm");
          return WireScenario.Task.of(bucket, "no/such/key", null);
        }));
  }
}
