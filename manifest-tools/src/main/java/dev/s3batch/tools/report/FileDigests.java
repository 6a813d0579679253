package dev.s3batch.tools.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <pre>{@code
 * try (FileDigests md5s = FileDigests.start(List.of(first, second))) {
 *   parse(first);
 *   String md5 = md5s.md5Hex(0);
 * }
 * }</pre>
 */
final class FileDigests implements AutoCloseable {

  private static final int THREADS = 2;
  private static final int BUFFER_SIZE = 1 << 20;

  private final ExecutorService pool;
  private final List<Future<String>> md5s = new ArrayList<>();

  private FileDigests(List<Path> files) {
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

  /** The MD5 of file {@code i} (in lower-case hex), waiting for it. */
  String md5Hex(int i) throws IOException {
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

  private static String md5(Path file) throws IOException {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[BUFFER_SIZE];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("stopped");
        }
        md5.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md5.digest());
  }

  /** Stops hashing what is not hashed yet. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
