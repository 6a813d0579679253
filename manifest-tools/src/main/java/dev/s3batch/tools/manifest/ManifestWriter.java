package dev.s3batch.tools.manifest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code S3BatchOperations_CSV_20180820} rows: {@code bucket,key[,versionId]}, no header,
 * the key URL-encoded by {@link KeyEncoder} (so it decodes the same whether {@code +} is read as a
 * space or not), LF line ends. Checks every row before writing it: a valid bucket name, a key of
 * 1 to 1,024 UTF-8 bytes whose encoded field is at most 1,024 characters, and a version id on
 * every row or on none. With {@code maxRows}, starts a new part every {@code maxRows} rows.
 *
 * <p>Streams: one reused row buffer and one 256 KiB output buffer of bytes, whatever the number of
 * rows. A key given as UTF-8 bytes ({@link #rowUtf8}) is percent-encoded byte by byte straight
 * into that buffer, with no {@code String} (the same bytes as {@link KeyEncoder} writes for the
 * decoded key; {@code KeyListSourceTest} checks it). Not thread-safe.
 *
 * <pre>{@code
 * ManifestWriter w = new ManifestWriter(writer);   // or (output, maxRows, progress)
 * w.row("my-bucket", "photos/my cat+dog.jpg", null); // my-bucket,photos/my%20cat%2Bdog.jpg
 * w.finish();
 * }</pre>
 */
public final class ManifestWriter implements RowSink {

  /** The most characters S3 Batch Operations takes in a manifest's key field. */
  public static final int MAX_KEY_FIELD_CHARS = 1024;
  /** The most UTF-8 bytes of an S3 object key. */
  public static final int MAX_KEY_BYTES = 1024;

  private final ManifestOutput output;
  private final long maxRows;
  private final ProgressListener progress;
  private final StringBuilder row = new StringBuilder(256);
  private final byte[] buffer = new byte[1 << 18];
  private int used;
  private OutputStream part;
  private int parts;
  private long partRows;
  private long rows;
  private int versioned = -1;
  private String lastBucket;
  private byte[] lastBucketBytes;

  /**
   * A writer of one part to {@code out}, which {@link #finish()} flushes but does not close.
   * Suits benchmarks: {@code new ManifestWriter(Writer.nullWriter())}.
   */
  public ManifestWriter(Writer out) {
    this(new StreamManifestOutput(out, "output"), Long.MAX_VALUE, ProgressListener.NONE);
  }

  /**
   * @param output where the parts go
   * @param maxRows the most rows in one part ({@link Long#MAX_VALUE} for one part)
   * @param progress hears the number of rows written
   */
  public ManifestWriter(ManifestOutput output, long maxRows, ProgressListener progress) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
    }
    this.output = output;
    this.maxRows = maxRows;
    this.progress = progress;
  }

  /**
   * Writes one row.
   *
   * @throws ManifestException when the row cannot be in this manifest (the message does not
   *     name the position; the caller's source adds it)
   */
  @Override
  public void row(String bucket, String key, String versionId) {
    checkVersionColumn(versionId);
    checkBucket(bucket);
    if (key.isEmpty()) {
      throw new ManifestException("an empty key; S3 keys have 1 to 1,024 bytes");
    }
    StringBuilder sb = row;
    sb.setLength(0);
    sb.append(bucket).append(',');
    int start = sb.length();
    try {
      KeyEncoder.encodeTo(key, sb);
    } catch (IllegalArgumentException e) {
      throw new ManifestException(e.getMessage());
    }
    int field = sb.length() - start;
    if (field > MAX_KEY_FIELD_CHARS) {
      throw tooLong(key, field);
    }
    if (versionId != null) {
      checkVersionId(versionId);
      sb.append(',').append(versionId);
    }
    sb.append('\n');
    append(sb);
  }

  /**
   * Writes one row without a version id whose key is the UTF-8 bytes {@code key[off, off+len)},
   * which the caller has checked are UTF-8: the same row as {@code row(bucket, key as a String,
   * null)}, with the same errors.
   */
  @Override
  public void rowUtf8(String bucket, byte[] key, int off, int len) {
    checkVersionColumn(null);
    checkBucket(bucket);
    if (len == 0 || len > MAX_KEY_FIELD_CHARS) {
      row(bucket, new String(key, off, len, StandardCharsets.UTF_8), null);
      return;
    }
    try {
      startRow();
      byte[] b = lastBucketBytes;
      if (used + b.length + 3 + 3 * len > buffer.length) {
        drain();
      }
      byte[] out = buffer;
      int j = used;
      System.arraycopy(b, 0, out, j, b.length);
      j += b.length;
      out[j++] = ',';
      int fieldStart = j;
      for (int i = off, end = off + len; i < end; i++) {
        int e = ENCODED[key[i] & 0xFF];
        INT.set(out, j, e);
        j += e >>> 24;
      }
      if (j - fieldStart > MAX_KEY_FIELD_CHARS) {
        row(bucket, new String(key, off, len, StandardCharsets.UTF_8), null);
        throw new IllegalStateException("a key field over 1,024 characters was not refused");
      }
      out[j++] = '\n';
      used = j;
      endRow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the manifest: " + e.getMessage(), e);
    }
  }

  /**
   * For each byte of a key, its field bytes packed little-endian in an int, with their count (1 or
   * 3) in the top byte: the byte itself for unreserved ASCII and {@code /}, else {@code %XX}. A row
   * stores the whole int and moves on by the count, with no branch per byte.
   */
  private static final int[] ENCODED = new int[256];
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    String keep = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/";
    String hex = "0123456789ABCDEF";
    for (int c = 0; c < 256; c++) {
      ENCODED[c] = keep.indexOf(c) >= 0 ? c | 1 << 24 : '%' | hex.charAt(c >> 4) << 8 | hex.charAt(c & 0xF) << 16 | 3 << 24;
    }
  }

  private void checkBucket(String bucket) {
    if (bucket != lastBucket && !bucket.equals(lastBucket)) {
      BucketNames.check(bucket);
      lastBucket = bucket;
      lastBucketBytes = bucket.getBytes(StandardCharsets.US_ASCII);
    }
  }

  private void append(StringBuilder sb) {
    try {
      startRow();
      int len = sb.length();
      if (used + len > buffer.length) {
        drain();
      }
      byte[] out = buffer;
      int j = used;
      for (int i = 0; i < len; i++) {
        out[j++] = (byte) sb.charAt(i);
      }
      used = j;
      endRow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the manifest: " + e.getMessage(), e);
    }
  }

  private void startRow() throws IOException {
    if (partRows == maxRows || part == null) {
      nextPart();
    }
  }

  private void endRow() {
    partRows++;
    if ((++rows & 0xFFF) == 0) {
      progress.written(rows);
    }
  }

  private void checkVersionColumn(String versionId) {
    int has = versionId == null ? 0 : 1;
    if (versioned != has) {
      if (versioned >= 0) {
        throw new ManifestException(
            has == 1
                ? "this row has a version id but the rows before it have none; a manifest has a version id on every row or on none"
                : "this row has no version id but the rows before it have one; a manifest has a version id on every row or on none");
      }
      versioned = has;
    }
  }

  private static void checkVersionId(String versionId) {
    if (versionId.isEmpty()) {
      throw new ManifestException("an empty version id");
    }
    for (int i = 0; i < versionId.length(); i++) {
      char c = versionId.charAt(i);
      if (c <= ' ' || c >= 127 || c == ',' || c == '"') {
        throw new ManifestException(
            "version id \"" + versionId + "\" has a character a manifest cannot carry at position " + i);
      }
    }
  }

  private static ManifestException tooLong(String key, int field) {
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    String shown = key.length() > 60 ? key.substring(0, 60) + "..." : key;
    if (bytes > MAX_KEY_BYTES) {
      return new ManifestException(
          "key \"" + shown + "\" is " + bytes + " bytes of UTF-8; S3 keys have at most 1,024");
    }
    return new ManifestException(
        "key \"" + shown + "\" is " + field + " characters URL-encoded; a manifest's key field holds at most 1,024");
  }

  private void nextPart() throws IOException {
    if (part != null) {
      drain();
      part.close();
    }
    part = output.open(++parts);
    partRows = 0;
  }

  private void drain() throws IOException {
    part.write(buffer, 0, used);
    used = 0;
  }

  /** Writes out what is buffered and closes the last part. Call once, after the last row. */
  public void finish() throws IOException {
    if (part != null) {
      drain();
      part.close();
      part = null;
    }
    progress.written(rows);
  }

  /** Closes the open part without writing what is buffered, after a failure; never throws. */
  public void discard() {
    if (part != null) {
      try {
        part.close();
      } catch (IOException e) {
        // the output is aborted next; nothing to save
      }
      part = null;
    }
  }

  /** Rows written so far. */
  public long rows() {
    return rows;
  }

  /** Parts opened so far. */
  public int parts() {
    return parts;
  }

  /** Whether the rows carry version ids (false before the first row). */
  public boolean versioned() {
    return versioned == 1;
  }
}
