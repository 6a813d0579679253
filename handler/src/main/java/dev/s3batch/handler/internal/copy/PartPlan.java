package dev.s3batch.handler.internal.copy;

/**
 * How an object is cut into parts for a multipart copy. S3 allows parts 1 to 10,000 of 5 MiB to
 * 5 GiB (the last may be smaller); part 10,000 is kept for the upload's {@link UploadMarker}, so
 * at most {@link #MAX_DATA_PARTS} carry data. The object is cut into as many near-equal parts
 * (sizes differ by at most one byte) as fit at least the wanted part size each, but at least as
 * many as keep every part within 5 GiB and at most 9,999: so no part is smaller than the wanted
 * size (only an object smaller than that has one smaller part), and a 5 TiB object still fits.
 * Equal parts, rather than a short last one, also keep every part at 5 MiB or more, which S3Mock
 * demands of every uploaded part but the highest-numbered (AWS only of the parts completed).
 *
 * @param size the object's size in bytes
 * @param count the number of parts
 */
public record PartPlan(long size, int count) {

  /** The smallest part S3 accepts (but for the last). */
  public static final long MIN_PART = 5L << 20;

  /** The largest part S3 accepts. */
  public static final long MAX_PART = 5L << 30;

  /** Parts that carry data; part 10,000 is the marker. */
  public static final int MAX_DATA_PARTS = 9_999;

  public PartPlan {
    if (size <= 0 || count < 1 || count > MAX_DATA_PARTS || ceilDiv(size, count) > MAX_PART) {
      throw new IllegalArgumentException("no multipart plan for " + size + " bytes in " + count + " parts");
    }
  }

  /** The plan for an object of {@code size} bytes, with parts of at least {@code wantedPartSize}. */
  public static PartPlan of(long size, long wantedPartSize) {
    long fewest = ceilDiv(size, MAX_PART);
    if (fewest > MAX_DATA_PARTS) {
      throw new IllegalArgumentException(
          "object of " + size + " bytes is larger than a multipart copy allows (" + MAX_DATA_PARTS
              + " parts of at most 5 GiB)");
    }
    long wanted = Math.max(1, size / Math.max(wantedPartSize, 1));
    return new PartPlan(size, (int) Math.min(MAX_DATA_PARTS, Math.max(fewest, wanted)));
  }

  /** The first byte of part {@code n} (1-based). */
  public long offset(int n) {
    long base = size / count;
    long extra = size % count;
    return (n - 1) * base + Math.min(n - 1, extra);
  }

  /** The length of part {@code n}. */
  public long length(int n) {
    return size / count + (n - 1 < size % count ? 1 : 0);
  }

  /** The {@code x-amz-copy-source-range} of part {@code n}: {@code bytes=first-last}. */
  public String range(int n) {
    return "bytes=" + offset(n) + "-" + (offset(n) + length(n) - 1);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
