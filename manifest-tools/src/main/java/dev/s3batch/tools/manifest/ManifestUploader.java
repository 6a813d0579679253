package dev.s3batch.tools.manifest;

import dev.s3batch.tools.aws.S3Uri;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Uploads a manifest file with PutObject and returns what CreateJob needs to find it: the ARN
 * (partition from the client's region), the ETag S3 answered, and the version id when the bucket
 * is versioned.
 *
 * <pre>{@code
 * UploadedManifest m = ManifestUploader.upload(s3, Path.of("manifest.csv"),
 *     ManifestUris.parseObject("s3://my-bucket/manifests/m.csv", "--upload"), false);
 * }</pre>
 */
public final class ManifestUploader {

  private ManifestUploader() {}

  /**
   * Uploads {@code file} to {@code target}.
   *
   * @param versioned whether the manifest's rows carry version ids
   */
  public static UploadedManifest upload(S3Client s3, Path file, S3Uri target, boolean versioned) {
    PutObjectResponse put =
        s3.putObject(
            r -> r.bucket(target.bucket()).key(target.key()).contentType("text/csv"),
            RequestBody.fromFile(file));
    String version = put.versionId() == null || "null".equals(put.versionId()) ? null : put.versionId();
    return new UploadedManifest(
        "arn:" + partition(s3) + ":s3:::" + target.bucket() + "/" + target.key(), put.eTag(), version, versioned);
  }

  /** The target of part {@code number} of a split manifest: {@code m.csv} becomes {@code m-00002.csv}. */
  public static S3Uri partTarget(S3Uri target, int number) {
    String key = target.key();
    int slash = key.lastIndexOf('/');
    int dot = key.lastIndexOf('.');
    String base = dot > slash + 1 ? key.substring(0, dot) : key;
    String ext = dot > slash + 1 ? key.substring(dot) : "";
    return new S3Uri(target.bucket(), String.format("%s-%05d%s", base, number, ext));
  }

  private static String partition(S3Client s3) {
    Region region = s3.serviceClientConfiguration().region();
    RegionMetadata metadata = region == null ? null : region.metadata();
    return metadata == null ? "aws" : metadata.partition().id();
  }
}
