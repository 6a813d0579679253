package dev.s3batch.tools.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code S3BatchOperations_CSV_20180820} rows: {@code bucket,key[,versionId]}, no header,
 * the key URL-encoded by {@link KeyEncoder} (so it decodes the same whether {@code +} is read as a
 * space or not), LF line ends. Checks every row before writing it: a valid bucket name, a key of
 * 1 to 1,024 UTF-8 bytes whose encoded field is at most 1,024 characters, and a version id on
 * every row or on none. With {@code maxRows}, starts a new part every {@code maxRows} rows.
 *
 * <p>Streams: one reused row buffer and one 64 KiB output buffer, whatever the number of rows.
 * Not thread-safe.
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
  private final char[] buffer = new char[1 << 16];
  private int used;
  private Writer part;
  private int parts;
  private long partRows;
  private long rows;
  private int versioned = -1;
  private String lastBucket;

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
    if (bucket != lastBucket && !bucket.equals(lastBucket)) {
      BucketNames.check(bucket);
      lastBucket = bucket;
    }
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

  private void append(StringBuilder sb) {
    try {
      if (partRows == maxRows || part == null) {
        nextPart();
      }
      int len = sb.length();
      if (used + len > buffer.length) {
        drain();
      }
      sb.getChars(0, len, buffer, used);
      used += len;
      partRows++;
      if ((++rows & 0xFFF) == 0) {
        progress.written(rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the manifest: " + e.getMessage(), e);
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
