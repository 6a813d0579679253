package dev.s3batch.tools.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The MD5s of a local report's result files, computed on two threads of their own, each reading its
 * file itself, while the caller parses the files in order. One file's MD5 is serial (about 650 MB/s
 * on one core here), so a report of several files is hashed two files at a time and its MD5 no
 * longer sets the pace of the review ({@code bench/report-review.sh}). An S3 report is read once
 * ({@link ReadAheadDigest}): a second download would cost more than it saves. {@link #close()}
 * stops the threads. Thread-safe.
 *
 * <p>Since the parser and the hash read the file apart, {@link #md5Hex(int, long)} answers only for
 * the bytes the parser read: a file whose length or modification time changed between the start
 * and the end of both reads fails as changed, so a matching MD5 never vouches for other bytes.
 *
 * <pre>{@code
 * try (FileDigests md5s = FileDigests.start(List.of(first, second))) {
 *   parse(first);
 *   String md5 = md5s.md5Hex(0, bytesParsed);
 * }
 * }</pre>
 */
final class FileDigests implements AutoCloseable {

  private static final int THREADS = 2;
  private static final int BUFFER_SIZE = 1 << 20;

  private final ExecutorService pool;
  private final List<Path> files;
  private final List<FileTime> modified = new ArrayList<>();
  private final List<Future<Hashed>> md5s = new ArrayList<>();

  private record Hashed(String md5, long bytes) {}

  /** A file that changed between the parser's read and the hash's. */
  static final class ChangedFileException extends IOException {
    ChangedFileException(String message) {
      super(message);
    }
  }

  private FileDigests(List<Path> files) {
    this.files = List.copyOf(files);
    for (Path file : files) {
      modified.add(modifiedTime(file));
    }
    pool = Executors.newFixedThreadPool(Math.max(1, Math.min(THREADS, files.size())), r -> {
      Thread t = new Thread(r, "s3batch-report-md5");
      t.setDaemon(true);
      return t;
    });
    for (Path file : files) {
      md5s.add(pool.submit(() -> md5(file)));
    }
  }

  /** Starts hashing {@code files}, in their order; a missing file's MD5 fails only when asked for. */
  static FileDigests start(List<Path> files) {
    return new FileDigests(files);
  }

  /**
   * The MD5 of file {@code i} (in lower-case hex), waiting for it.
   *
   * @param parsedBytes how many bytes the caller read from the file
   * @throws ChangedFileException when the file changed while it was read: its length is not
   *     {@code parsedBytes}, or its modification time moved
   * @throws IOException when the file could not be hashed
   */
  String md5Hex(int i, long parsedBytes) throws IOException {
    Hashed hashed = hashed(i);
    Path file = files.get(i);
    if (hashed.bytes() != parsedBytes || !java.util.Objects.equals(modified.get(i), modifiedTime(file))) {
      throw new ChangedFileException(file + " changed while it was being read (" + parsedBytes + " bytes parsed, "
          + hashed.bytes() + " hashed): review it again once nothing writes to it");
    }
    return hashed.md5();
  }

  private static FileTime modifiedTime(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return null; // missing: its MD5 fails when asked for
    }
  }

  private Hashed hashed(int i) throws IOException {
    try {
      return md5s.get(i).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing a report file");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    }
  }

  private static Hashed md5(Path file) throws IOException {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[BUFFER_SIZE];
    long bytes = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("stopped");
        }
        md5.update(buffer, 0, n);
        bytes += n;
      }
    }
    return new Hashed(HexFormat.of().formatHex(md5.digest()), bytes);
  }

  /** Stops hashing what is not hashed yet. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
