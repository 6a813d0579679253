package dev.s3batch.tools.manifest;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.ObjectStorageClass;

/**
 * Which listed objects become rows: key suffix, size range (inclusive), last-modified range
 * ({@code modifiedAfter} inclusive, {@code modifiedBefore} exclusive) and storage classes. A null
 * or empty component does not filter. Delete markers have no size or storage class: a size or
 * storage-class filter never matches them.
 *
 * <pre>{@code
 * ObjectFilter f = new ObjectFilter(".jpg", Sizes.parse("1MiB", "--min-size"), null, null, null, Set.of());
 * }</pre>
 *
 * @param suffix the key must end with it, or null
 * @param minSize the smallest size in bytes, or null
 * @param maxSize the largest size in bytes, or null
 * @param modifiedAfter last modified at or after this instant, or null
 * @param modifiedBefore last modified before this instant, or null
 * @param storageClasses the storage classes (upper case, as S3 spells them), empty for any
 */
public record ObjectFilter(
    String suffix, Long minSize, Long maxSize, Instant modifiedAfter, Instant modifiedBefore,
    Set<String> storageClasses) {

  /** A filter that keeps everything. */
  public static final ObjectFilter NONE = new ObjectFilter(null, null, null, null, null, Set.of());

  public ObjectFilter {
    storageClasses = Set.copyOf(storageClasses.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList());
    for (String c : storageClasses) {
      if (ObjectStorageClass.fromValue(c) == ObjectStorageClass.UNKNOWN_TO_SDK_VERSION) {
        throw new ManifestException("--storage-class " + c + " is not an S3 storage class; known ones: "
            + ObjectStorageClass.knownValues().stream().map(Object::toString).sorted().toList());
      }
    }
    if (minSize != null && maxSize != null && minSize > maxSize) {
      throw new ManifestException("--min-size " + minSize + " is larger than --max-size " + maxSize);
    }
    if (modifiedAfter != null && modifiedBefore != null && !modifiedAfter.isBefore(modifiedBefore)) {
      throw new ManifestException(
          "--modified-after " + modifiedAfter + " is not before --modified-before " + modifiedBefore);
    }
  }

  /** Whether a size or storage-class filter is set (they need object metadata). */
  public boolean needsObjectMetadata() {
    return minSize != null || maxSize != null || !storageClasses.isEmpty();
  }

  /** Whether a filter other than the suffix is set (they need a listing). */
  public boolean needsListing() {
    return needsObjectMetadata() || modifiedAfter != null || modifiedBefore != null;
  }

  /** Whether a key passes the suffix filter. */
  public boolean keyMatches(String key) {
    return suffix == null || key.endsWith(suffix);
  }

  /** Whether an object version passes. */
  public boolean matches(String key, long size, Instant lastModified, String storageClass) {
    return keyMatches(key)
        && (minSize == null || size >= minSize)
        && (maxSize == null || size <= maxSize)
        && timeMatches(lastModified)
        && (storageClasses.isEmpty()
            || storageClasses.contains(storageClass == null ? "STANDARD" : storageClass));
  }

  /** Whether a delete marker passes. */
  public boolean markerMatches(String key, Instant lastModified) {
    return !needsObjectMetadata() && keyMatches(key) && timeMatches(lastModified);
  }

  private boolean timeMatches(Instant lastModified) {
    return (modifiedAfter == null || !lastModified.isBefore(modifiedAfter))
        && (modifiedBefore == null || lastModified.isBefore(modifiedBefore));
  }
}
