package dev.s3batch.tools.manifest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.s3batch.handler.internal.JsonControlEscapes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The file of {@code manifest build --skip-invalid FILE}: one JSON object per refused row,
 * {@code {"bucket":...,"key":...,"versionId":...,"reason":...}} ({@code versionId} only when the
 * row has one), the key raw as listed or read, every control character (C0, DEL, C1, line
 * separators, bidi controls) written as a JSON unicode escape (backslash, {@code u}, four hex
 * digits), so that a record is one line and shows no terminal escapes. Written to a temporary
 * file beside FILE, renamed on {@link #commit()}; {@link #close()} before that deletes it. Not
 * thread-safe.
 *
 * <pre>{@code
 * {"bucket":"photos","key":"caf...","reason":"key \"caf...\" is 3000 characters URL-encoded; ..."}
 * }</pre>
 */
public final class SkippedKeysWriter implements AutoCloseable {

  private static final JsonFactory JSON = new JsonFactory().setCharacterEscapes(new JsonControlEscapes());

  private final FileManifestOutput file;
  private final JsonGenerator json;
  private long rows;

  private SkippedKeysWriter(FileManifestOutput file, JsonGenerator json) {
    this.file = file;
    this.json = json;
  }

  /**
   * Opens the file's temporary twin, before anything is read.
   *
   * @param option the option that named the file, for messages
   * @throws ManifestException when the folder is missing or not writable, or the target is a folder
   */
  public static SkippedKeysWriter open(Path target, String option) {
    FileManifestOutput file = FileManifestOutput.of(target, false, option, "skipped.jsonl");
    try {
      return new SkippedKeysWriter(file, JSON.createGenerator(file.open(1), JsonEncoding.UTF8));
    } catch (IOException e) {
      file.abort();
      throw new ManifestException(option + " " + target + ": cannot write it: " + e.getMessage());
    }
  }

  /** A sink that passes each row to {@code writer} and writes the rows it refuses here instead. */
  public RowSink skipping(RowSink writer) {
    return new RowSink() {
      @Override
      public void row(String bucket, String key, String versionId) {
        try {
          writer.row(bucket, key, versionId);
        } catch (ManifestException e) {
          skip(bucket, key, versionId, e.getMessage());
        }
      }

      @Override
      public void rowUtf8(String bucket, byte[] key, int off, int len) {
        try {
          writer.rowUtf8(bucket, key, off, len);
        } catch (ManifestException e) {
          skip(bucket, new String(key, off, len, StandardCharsets.UTF_8), null, e.getMessage());
        }
      }
    };
  }

  /** Writes one refused row. */
  public void skip(String bucket, String key, String versionId, String reason) {
    try {
      json.writeStartObject();
      json.writeStringField("bucket", bucket);
      json.writeStringField("key", key);
      if (versionId != null) {
        json.writeStringField("versionId", versionId);
      }
      json.writeStringField("reason", reason);
      json.writeEndObject();
      json.writeRaw('\n');
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the skipped keys: " + e.getMessage(), e);
    }
  }

  /** Rows skipped so far. */
  public long rows() {
    return rows;
  }

  /** Closes the file and renames it to its final name. */
  public void commit() throws IOException {
    json.close();
    file.commit();
  }

  /** Deletes the temporary file unless committed; never throws. */
  @Override
  public void close() {
    try {
      json.close();
    } catch (IOException e) {
      // the file is deleted below, or already committed
    }
    file.abort();
  }
}
