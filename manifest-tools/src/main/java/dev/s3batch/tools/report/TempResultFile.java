package dev.s3batch.tools.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of a report being written: rows appended to a temporary file in the JVM's temporary
 * folder, its MD5 and SHA-1 computed on the way. Not thread-safe ({@link ReportWriter} locks).
 */
final class TempResultFile {

  /** The file's temporary name starts with this. */
  static final String PREFIX = "s3batch-report-";

  private final String kind;
  private final Path path;
  private final OutputStream out;
  private final MessageDigest md5 = digest("MD5");
  private final MessageDigest sha1 = digest("SHA-1");
  private long rows;
  private boolean closed;

  /** @param kind what the rows are, in the temporary name and in messages ({@code succeeded}, {@code failed}, {@code unprocessed}) */
  TempResultFile(String kind) throws IOException {
    this.kind = kind;
    this.path = Files.createTempFile(PREFIX + kind + "-", ".csv");
    this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
  }

  /** Checks that the temporary folder takes a file (created, then removed). */
  static void probeTempFolder() throws IOException {
    Path probe = Files.createTempFile(PREFIX + "write-probe-", ".tmp");
    Files.delete(probe);
  }

  void write(byte[] bytes) throws IOException {
    md5.update(bytes);
    sha1.update(bytes);
    out.write(bytes);
    rows++;
  }

  /** Flushes and closes the file (once). */
  void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }

  String kind() {
    return kind;
  }

  Path path() {
    return path;
  }

  long rows() {
    return rows;
  }

  String md5Hex() {
    return HexFormat.of().formatHex(md5.digest());
  }

  String sha1Hex() {
    return HexFormat.of().formatHex(sha1.digest());
  }

  /** For messages: {@code /tmp/s3batch-report-failed-123.csv (12 failed rows)}. */
  String describe() {
    return path + " (" + rows + " " + kind + " rows)";
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
