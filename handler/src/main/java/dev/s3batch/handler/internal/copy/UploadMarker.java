package dev.s3batch.handler.internal.copy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ties an open multipart upload to the copy it belongs to. S3 never shows an open upload's
 * metadata, but ListParts shows each part's size and ETag (the MD5 of its bytes). So the copy
 * uploads, as part {@value #PART}, a short text naming the source (bucket, key, version, ETag,
 * size), the part size and the settings that shape the new object; a redrive recomputes the text
 * and resumes an upload only when that part's ETag matches. The marker part is left out of
 * CompleteMultipartUpload, so S3 discards it and it never becomes part of the object.
 */
public final class UploadMarker {

  /** The part number of the marker. */
  public static final int PART = 10_000;

  private UploadMarker() {}

  /** The marker text of a copy. */
  public static byte[] content(SourceObject source, PartPlan plan, CopySettings settings) {
    return ("s3batch multipart copy v1\nsource=" + source.bucket() + "/" + source.key()
        + "\nversionId=" + source.versionId() + "\netag=" + source.eTag() + "\nsize=" + source.size()
        + "\nparts=" + plan.count() + "\n" + settings.shape() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The ETag S3 gives the marker part: its MD5, quoted. */
  public static String eTag(byte[] content) {
    return "\"" + HexFormat.of().formatHex(md5(content)) + "\"";
  }

  /** The MD5 of {@code bytes}. */
  static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no MD5", e);
    }
  }

  /**
   * The ETag S3 gives an object completed from parts with these ETags:
   * {@code "md5(part md5s)-count"}.
   */
  public static String compositeETag(java.util.List<String> partETags) {
    byte[] all = new byte[16 * partETags.size()];
    for (int i = 0; i < partETags.size(); i++) {
      byte[] md5 = HexFormat.of().parseHex(unquote(partETags.get(i)));
      System.arraycopy(md5, 0, all, 16 * i, 16);
    }
    return "\"" + HexFormat.of().formatHex(md5(all)) + "-" + partETags.size() + "\"";
  }

  /** The ETag without its quotes. */
  public static String unquote(String eTag) {
    return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
  }
}
