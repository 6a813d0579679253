package dev.s3batch.tools.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of what each built-in action may do in S3: the statements of its function-role
 * policy. {@code s3batch iam render}, the files in {@code iam/function-role/} and the deployment
 * template all follow it (tests fail when they diverge), and a test runs each action against a
 * recording proxy to check that the S3 calls it makes on the wire are granted here, and no more.
 *
 * <p>The version variants ({@code s3:GetObjectVersion}, ...) are granted with their plain actions
 * because a manifest with version ids makes every call carry a {@code versionId}. The ACL add-on
 * ({@link #ACL_ADD_ON}) is a separate policy, attached only when a copy sets a canned ACL.
 *
 * <p>One grant is not a call on the wire: {@code s3:ListBucket} on the source bucket
 * ({@value #LIST_BUCKET_SID}). Without it S3 answers a request for a missing key 403 AccessDenied
 * instead of 404 NoSuchKey, so an action could not tell "not there" from "not allowed". It is
 * granted to the actions that act on that answer: {@code delete} ("already absent", so a redriven
 * task succeeds), {@code revise} ("not found, assuming it was deleted"), and {@code head},
 * {@code copy}, {@code move}, {@code tag}, {@code checksum} (a missing key reported as missing, and
 * {@code missingKey=temporary} working). Not to {@code remove-delete-marker}: its tasks name
 * version ids, and a version that is gone fails the task whatever S3 answers (it never comes back,
 * so a retry cannot help). {@code copy} and {@code move} also need it on the destination bucket
 * ({@value #LIST_DESTINATION_SID}): they look at the destination key before copying (to skip a copy
 * already made), and without it that look fails with 403 for every object not yet copied.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html">HeadObject: "If the object
 *     you request doesn't exist, the error that Amazon S3 returns depends on whether you also have the
 *     s3:ListBucket permission"</a>
 *
 * <pre>{@code
 * List<Grant> grants = ActionPermissions.grants("copy").orElseThrow();
 * }</pre>
 */
public final class ActionPermissions {

  /** The add-on for copies that set a canned ACL ({@code x-amz-acl}) on the destination object. */
  public static final String ACL_ADD_ON = "acl";

  /** The Sid of the {@code s3:ListBucket} grant that makes S3 answer 404, not 403, for a missing key. */
  public static final String LIST_BUCKET_SID = "ListBucketSoMissingKeysAre404";

  /** The Sid of the {@code s3:ListBucket} grant on the destination: a copy looks there first, and must see 404. */
  public static final String LIST_DESTINATION_SID = "ListDestinationBucketSoAbsentCopiesAre404";

  private static final Map<String, List<Grant>> TABLE = new LinkedHashMap<>();
  private static final Map<String, List<Grant>> ADD_ONS = new LinkedHashMap<>();

  static {
    Grant readSource =
        Grant.of("ReadSourceObjects", Scope.SOURCE_OBJECTS, "s3:GetObject", "s3:GetObjectVersion");
    Grant readSourceWithTags =
        Grant.of("ReadSourceObjectsAndTags", Scope.SOURCE_OBJECTS,
            "s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging", "s3:GetObjectVersionTagging");
    Grant writeDestination =
        Grant.of("WriteDestinationObjects", Scope.DESTINATION_OBJECTS,
            "s3:PutObject", "s3:PutObjectTagging", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");
    Grant listUploads =
        Grant.of("ListDestinationMultipartUploads", Scope.DESTINATION_BUCKET, "s3:ListBucketMultipartUploads");
    Grant deleteSource =
        Grant.of("DeleteSourceObjects", Scope.SOURCE_OBJECTS, "s3:DeleteObject", "s3:DeleteObjectVersion");

    Grant missingKeysAre404 = Grant.of(LIST_BUCKET_SID, Scope.SOURCE_BUCKET, "s3:ListBucket");
    Grant headDestination =
        Grant.of("HeadDestinationObjectsToSkipDoneCopiesAndVerify", Scope.DESTINATION_OBJECTS, "s3:GetObject");
    Grant absentCopiesAre404 = Grant.of(LIST_DESTINATION_SID, Scope.DESTINATION_BUCKET, "s3:ListBucket");

    TABLE.put("head", List.of(readSource, missingKeysAre404));
    TABLE.put("copy", List.of(readSourceWithTags, headDestination, writeDestination, listUploads, missingKeysAre404,
        absentCopiesAre404));
    TABLE.put("move", List.of(readSourceWithTags, headDestination, writeDestination, listUploads, deleteSource,
        missingKeysAre404, absentCopiesAre404));
    TABLE.put("delete", List.of(readSource, deleteSource, missingKeysAre404));
    TABLE.put("remove-delete-marker", List.of(
        Grant.of("ReadSourceObjectVersions", Scope.SOURCE_OBJECTS, "s3:GetObjectVersion"),
        Grant.of("DeleteMarkerVersions", Scope.SOURCE_OBJECTS, "s3:DeleteObjectVersion")));
    TABLE.put("revise", List.of(
        Grant.of("ReviseSourceObjects", Scope.SOURCE_OBJECTS,
            "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion"),
        missingKeysAre404));
    TABLE.put("tag", List.of(
        Grant.of("TagSourceObjects", Scope.SOURCE_OBJECTS,
            "s3:GetObjectTagging", "s3:GetObjectVersionTagging", "s3:PutObjectTagging",
            "s3:PutObjectVersionTagging"),
        missingKeysAre404));
    TABLE.put("checksum", List.of(readSource, missingKeysAre404));

    ADD_ONS.put(ACL_ADD_ON, List.of(
        Grant.of("SetDestinationObjectAcl", Scope.DESTINATION_OBJECTS, "s3:PutObjectAcl")));
  }

  private ActionPermissions() {}

  /** The built-in actions this table covers, in table order. */
  public static List<String> actions() {
    return List.copyOf(TABLE.keySet());
  }

  /** The statements of the action's policy; empty for an action the table does not know. */
  public static Optional<List<Grant>> grants(String action) {
    return Optional.ofNullable(TABLE.get(action));
  }

  /** The names of the add-on policies. */
  public static Set<String> addOns() {
    return Set.copyOf(ADD_ONS.keySet());
  }

  /** The statements of an add-on policy; empty for an unknown add-on. */
  public static Optional<List<Grant>> addOn(String name) {
    return Optional.ofNullable(ADD_ONS.get(name));
  }

  /** The actions an add-on applies to: for the ACL add-on, those that write objects to the destination bucket. */
  public static List<String> actionsFor(String addOn) {
    List<String> names = new ArrayList<>();
    if (ADD_ONS.containsKey(addOn)) {
      TABLE.forEach((name, grants) -> {
        if (grants.stream().anyMatch(g -> g.scope() == Scope.DESTINATION_OBJECTS && g.actions().contains("s3:PutObject"))) {
          names.add(name);
        }
      });
    }
    return names;
  }

  /** Whether the action touches a destination bucket (and so needs one). */
  public static boolean needsDestination(String action) {
    return grants(action).orElse(List.of()).stream().anyMatch(g -> g.scope().destination());
  }
}
