package dev.s3batch.tools.manifest;

import dev.s3batch.tools.aws.S3Uri;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects under an {@code s3://bucket/prefix}, page by page through the SDK paginators:
 * ListObjectsV2 (rows without version ids) or, with a {@link VersionSelection},
 * ListObjectVersions (rows with version ids). One page (up to 1,000 keys) is held at a time. Both
 * ask for {@code encoding-type=url}, so that S3 can list keys holding characters XML 1.0 cannot
 * carry (such as U+0001); the SDK decodes the keys of a response that says it is URL-encoded
 * ({@code EncodingType} {@code url}), so the keys here are raw.
 *
 * <pre>{@code
 * new ListingKeySource(s3, ManifestUris.parse("s3://photos/2024/", "--list"), null, ObjectFilter.NONE, progress)
 *     .forEach(writer);
 * }</pre>
 */
public final class ListingKeySource implements KeySource {

  private final S3Client s3;
  private final S3Uri uri;
  private final VersionSelection versions;
  private final ObjectFilter filter;
  private final ProgressListener progress;

  /**
   * @param s3 the client (not closed here)
   * @param uri the bucket and prefix
   * @param versions which versions to list, or null to list current objects without version ids
   * @param filter which objects to keep
   * @param progress hears how many keys were listed
   */
  public ListingKeySource(
      S3Client s3, S3Uri uri, VersionSelection versions, ObjectFilter filter, ProgressListener progress) {
    if (versions == VersionSelection.DELETE_MARKERS && filter.needsObjectMetadata()) {
      throw new ManifestException(
          "--versions delete-markers: delete markers have no size or storage class; drop --min-size, --max-size and --storage-class");
    }
    this.s3 = s3;
    this.uri = uri;
    this.versions = versions;
    this.filter = filter;
    this.progress = progress;
  }

  @Override
  public void forEach(RowSink sink) {
    if (versions == null) {
      listObjects(sink);
    } else {
      listVersions(sink);
    }
  }

  private void listObjects(RowSink sink) {
    long listed = 0;
    for (ListObjectsV2Response page :
        s3.listObjectsV2Paginator(r -> r.bucket(uri.bucket()).prefix(uri.key()).encodingType(EncodingType.URL))) {
      for (S3Object o : page.contents()) {
        if (filter.matches(o.key(), o.size(), o.lastModified(), o.storageClassAsString())) {
          write(sink, o.key(), null);
        }
      }
      listed += page.contents().size();
      progress.listed(listed);
    }
  }

  private void listVersions(RowSink sink) {
    long listed = 0;
    for (ListObjectVersionsResponse page :
        s3.listObjectVersionsPaginator(r -> r.bucket(uri.bucket()).prefix(uri.key()).encodingType(EncodingType.URL))) {
      for (ObjectVersion v : page.versions()) {
        if (versions.wantsVersion(Boolean.TRUE.equals(v.isLatest()))
            && filter.matches(v.key(), v.size(), v.lastModified(), v.storageClassAsString())) {
          write(sink, v.key(), v.versionId());
        }
      }
      if (versions.wantsDeleteMarkers()) {
        for (DeleteMarkerEntry m : page.deleteMarkers()) {
          if (filter.markerMatches(m.key(), m.lastModified())) {
            write(sink, m.key(), m.versionId());
          }
        }
      }
      listed += page.versions().size() + page.deleteMarkers().size();
      progress.listed(listed);
    }
  }

  private void write(RowSink sink, String key, String versionId) {
    try {
      sink.row(uri.bucket(), key, versionId);
    } catch (ManifestException e) {
      throw e.at(name() + " key \"" + key + "\"");
    }
  }

  @Override
  public String name() {
    return "s3://" + uri.bucket() + "/" + uri.key();
  }
}
