package dev.s3batch.tools.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The result files of a report as bytes, for those who serve them rather than review them: whole
 * (a download, streamed) or a range of one (a page of the failed rows). Files are found where
 * {@link ReportReader} finds them: {@code results/<name>.csv} beside {@code manifest.json}.
 *
 * <pre>{@code
 * for (ResultFiles.Entry file : ResultFiles.of(reader)) {
 *   try (InputStream in = ResultFiles.open(reader, file)) { ... }
 * }
 * }</pre>
 */
public final class ResultFiles {

  /**
   * One result file.
   *
   * @param name its name relative to the report ({@code results/<name>.csv})
   * @param where where it is, as a user would type it
   * @param md5Checksum its MD5 in {@code manifest.json}
   * @param failed whether it holds the failed tasks ({@code TaskExecutionStatus} not {@code succeeded})
   */
  public record Entry(String name, String where, String md5Checksum, boolean failed) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(md5Checksum, "md5Checksum");
    }
  }

  private ResultFiles() {}

  /** The result files of {@code reader}'s report, in {@code manifest.json}'s order. */
  public static List<Entry> of(ReportReader reader) {
    ReportStore store = reader.store();
    return reader.manifest().results().stream().map(f -> {
      String key = f.key();
      String name = "results/" + key.substring(key.lastIndexOf('/') + 1);
      return new Entry(name, store.describe(name), f.md5Checksum(),
          !ReportRow.SUCCEEDED.equals(f.taskExecutionStatus()));
    }).toList();
  }

  /**
   * Opens a result file from its start.
   *
   * @throws InvalidReportException when it is not there
   */
  public static InputStream open(ReportReader reader, Entry file) throws IOException {
    return reader.store().open(file.name());
  }

  /**
   * Reads {@code length} bytes of a result file from {@code offset} (fewer at its end): one
   * ranged GET from S3, one positioned read from a local file.
   *
   * @throws InvalidReportException when it is not there
   */
  public static byte[] read(ReportReader reader, Entry file, long offset, int length) throws IOException {
    if (length == 0) {
      return new byte[0];
    }
    ReportStore store = reader.store();
    if (store instanceof ReportStore.Bucket b) {
      var l = b.prefix().child(file.name());
      try {
        return b.s3().get().getObjectAsBytes(r -> r.bucket(l.bucket()).key(l.key())
            .range("bytes=" + offset + "-" + (offset + length - 1))).asByteArray();
      } catch (NoSuchKeyException e) {
        throw new InvalidReportException(l + ": no such object");
      }
    }
    ReportStore.Folder folder = (ReportStore.Folder) store;
    try (SeekableByteChannel in = Files.newByteChannel(folder.root().resolve(file.name()))) {
      in.position(offset);
      ByteBuffer buf = ByteBuffer.allocate(length);
      while (buf.hasRemaining() && in.read(buf) > 0) {
        // until full or at the end
      }
      byte[] out = new byte[buf.position()];
      buf.flip().get(out);
      return out;
    } catch (NoSuchFileException e) {
      throw new InvalidReportException(file.where() + ": no such file");
    }
  }

  /** Reads the report rows in {@code bytes} (whole records of the file {@code file}). */
  static void rows(byte[] bytes, Entry file, java.util.function.Consumer<ReportRow> rows) throws IOException {
    ReportReader.readRows(new java.io.ByteArrayInputStream(bytes), file.where(), rows);
  }
}
