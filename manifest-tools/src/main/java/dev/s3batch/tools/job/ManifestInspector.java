package dev.s3batch.tools.job;

import dev.s3batch.tools.aws.S3Uri;
import dev.s3batch.tools.manifest.ManifestCheck;
import dev.s3batch.tools.manifest.ManifestException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads what CreateJob needs to know about a CSV manifest: its ETag and version id (HeadObject) and,
 * to tell {@code Bucket,Key} from {@code Bucket,Key,VersionId}, its first line (GetObject of the
 * first {@value #FIRST_LINE_BYTES} bytes), which is checked by the rules every manifest row meets
 * ({@link ManifestCheck#firstRow}: no byte-order mark, no header row, a valid bucket name).
 * Thread-safe if the client is.
 */
public final class ManifestInspector {

  /** Enough for a bucket, a 1,024-byte key URL-encoded three times over and a version id. */
  static final int FIRST_LINE_BYTES = 8192;

  private final S3Client s3;

  public ManifestInspector(S3Client s3) {
    this.s3 = s3;
  }

  /** Heads the manifest (the given version, or the latest) and reads its first line when asked. */
  public ManifestObject inspect(S3Uri uri, String versionId, boolean readFirstLine) {
    HeadObjectResponse head;
    try {
      head = s3.headObject(b -> b.bucket(uri.bucket()).key(uri.key()).versionId(versionId));
    } catch (S3Exception e) {
      throw failure(uri, versionId, "HeadObject", e);
    } catch (SdkClientException e) {
      String where = s3.serviceClientConfiguration().endpointOverride().map(URI::toString).orElse("AWS");
      throw new JobServiceException("--manifest " + uri + ": cannot reach S3 at " + where
          + " (the manifest is read through --s3-endpoint-url; --endpoint-url is S3 Control's): " + e.getMessage(), e);
    }
    String version = versionId != null ? versionId : head.versionId();
    String firstLine = readFirstLine ? firstLine(uri, version) : null;
    return new ManifestObject(unquote(head.eTag()), version, firstLine);
  }

  private String firstLine(S3Uri uri, String versionId) {
    try (InputStream in =
        s3.getObject(b -> b.bucket(uri.bucket()).key(uri.key()).versionId(versionId)
            .range("bytes=0-" + (FIRST_LINE_BYTES - 1)))) {
      byte[] head = in.readNBytes(FIRST_LINE_BYTES);
      ManifestCheck.firstRow("--manifest " + uri, head);
      String text = new String(head, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      String line = end < 0 ? text : text.substring(0, end);
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        return "";
      }
      throw failure(uri, versionId, "GetObject", e);
    } catch (ManifestException e) {
      throw new JobInputException(e.getMessage());
    } catch (IOException e) {
      throw new JobServiceException("--manifest " + uri + ": cannot read its first line: " + e.getMessage(), e);
    }
  }

  private static RuntimeException failure(S3Uri uri, String versionId, String call, S3Exception e) {
    String what = "--manifest " + uri + (versionId == null ? "" : " (version " + versionId + ")");
    if (e.statusCode() == 404) {
      return new JobInputException(what + ": no such object (" + call + " answered 404)");
    }
    if (e.statusCode() == 403) {
      return new JobServiceException(what + ": access denied (" + call + " answered 403)", e);
    }
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return new JobServiceException(what + ": " + call + " failed with HTTP " + e.statusCode()
        + (code == null ? "" : " " + code), e);
  }

  /** An ETag without its surrounding quotes. */
  public static String unquote(String etag) {
    if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
      return etag.substring(1, etag.length() - 1);
    }
    return etag;
  }
}
