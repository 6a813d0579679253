package dev.s3batch.handler.internal.copy;

/**
 * How an object is cut into parts for a multipart copy: equal parts of {@code partSize} bytes, the
 * last one smaller. S3 allows parts 1 to 10,000 of 5 MiB to 5 GiB (the last may be smaller);
 * part 10,000 is kept for the upload's {@link UploadMarker}, so at most {@link #MAX_DATA_PARTS}
 * carry data, and the part size grows (in whole MiB) until they suffice: a 5 TiB object gets parts
 * of 525 MiB.
 *
 * @param size the object's size in bytes
 * @param partSize the size of every part but the last
 * @param count the number of parts
 */
public record PartPlan(long size, long partSize, int count) {

  /** The smallest part S3 accepts (but for the last). */
  public static final long MIN_PART = 5L << 20;

  /** The largest part S3 accepts. */
  public static final long MAX_PART = 5L << 30;

  /** Parts that carry data; part 10,000 is the marker. */
  public static final int MAX_DATA_PARTS = 9_999;

  public PartPlan {
    if (size <= 0 || partSize < MIN_PART || partSize > MAX_PART || count < 1 || count > MAX_DATA_PARTS
        || (count - 1) * partSize >= size || count * partSize < size) {
      throw new IllegalArgumentException(
          "no multipart plan for " + size + " bytes in " + count + " parts of " + partSize + " bytes");
    }
  }

  /** The plan for an object of {@code size} bytes, with parts of at least {@code wantedPartSize}. */
  public static PartPlan of(long size, long wantedPartSize) {
    long needed = ceilDiv(size, MAX_DATA_PARTS);
    long part = Math.max(Math.max(wantedPartSize, MIN_PART), needed);
    part = ceilDiv(part, 1L << 20) << 20;
    if (part > MAX_PART) {
      throw new IllegalArgumentException(
          "object of " + size + " bytes is larger than a multipart copy allows (" + MAX_DATA_PARTS
              + " parts of at most 5 GiB)");
    }
    return new PartPlan(size, part, (int) ceilDiv(size, part));
  }

  /** The first byte of part {@code n} (1-based). */
  public long offset(int n) {
    return (n - 1) * partSize;
  }

  /** The length of part {@code n}. */
  public long length(int n) {
    return Math.min(partSize, size - offset(n));
  }

  /** The {@code x-amz-copy-source-range} of part {@code n}: {@code bytes=first-last}. */
  public String range(int n) {
    return "bytes=" + offset(n) + "-" + (offset(n) + length(n) - 1);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
