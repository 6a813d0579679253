package dev.s3batch.tools.manifest;

import dev.s3batch.tools.aws.S3Uri;

/**
 * Checks bucket-name syntax for manifests (the rules are {@link S3Uri#bucketNameProblem}), failing
 * with a {@link ManifestException}. Such names need no escaping in a manifest, so they are written as is.
 */
public final class BucketNames {

  private BucketNames() {}

  /** Throws a {@link ManifestException} saying why {@code name} is not a bucket name. */
  public static void check(String name) {
    S3Uri.bucketNameProblem(name).ifPresent(why -> {
      throw new ManifestException("\"" + name + "\" is not a bucket name: " + why);
    });
  }
}
