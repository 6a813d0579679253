package dev.s3batch.tools.page;

import dev.s3batch.handler.internal.ControlCharacters;
import dev.s3batch.tools.csv.CsvWriter;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.ResultFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The page's downloads, streamed as they are read (chunked, never a whole file in memory): every
 * result file merged, the failed tasks' result files, and the retry manifest (the failed tasks and
 * those a stopped job never ran, as {@code report review --retry-manifest} writes it). Each result
 * file's MD5 is checked as it passes; a mismatch, or any failure once the first byte is out,
 * aborts the response, so the client sees an error rather than a short file that looks complete.
 * A failure to open the first file is a 502 with a one-line reason. At most {@link #MAX_AT_ONCE}
 * stream at once; one more is refused with 503 and {@code Retry-After} rather than queued.
 */
final class Downloads {

  /** What can be downloaded. */
  enum Kind {
    /** Every result file, merged in {@code manifest.json}'s order, byte for byte. */
    RESULTS("results.csv"),
    /** The failed tasks' result files, merged, byte for byte. */
    FAILED("failed.csv"),
    /** A manifest of the tasks to run again (bucket, key as encoded in the report, version id). */
    RETRY_MANIFEST("retry-manifest.csv");

    final String suffix;

    Kind(String suffix) {
      this.suffix = suffix;
    }
  }

  /**
   * Downloads streamed at once, at most: each holds a worker thread (of 32) and about 200 KB of
   * buffers, so more would starve the page's other requests, and memory grows with them (50 queued
   * at once, with the row reader's 1 MB buffer each, ran a 32 MB server out of memory). One more is
   * answered 503 with {@code Retry-After}.
   */
  static final int MAX_AT_ONCE = 16;
  static final String RETRY_AFTER_SECONDS = "2";

  private static final int BUFFER = 1 << 16;

  private final PageReport report;
  private final Semaphore slots = new Semaphore(MAX_AT_ONCE);

  Downloads(PageReport report) {
    this.report = report;
  }

  /** Answers a GET or HEAD of a download. */
  void serve(Kind kind, Request request, Response response, Callback callback) {
    if (!report.problems().isEmpty()) {
      PageHandler.plain(response, callback, 409, "the report fails its check, so no download is offered: "
          + report.problems().get(0));
      return;
    }
    if (!slots.tryAcquire()) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
      PageHandler.plain(response, callback, 503, MAX_AT_ONCE + " downloads are running, the most this server"
          + " streams at once; try again in " + RETRY_AFTER_SECONDS + " seconds");
      return;
    }
    try {
      stream(kind, request, response, callback);
    } finally {
      slots.release();
    }
  }

  private void stream(Kind kind, Request request, Response response, Callback callback) {
    List<ResultFiles.Entry> files = report.files().stream()
        .filter(f -> kind == Kind.RESULTS || f.failed()).toList();
    InputStream first;
    try {
      first = files.isEmpty() ? InputStream.nullInputStream() : ResultFiles.open(report.reader(), files.get(0));
    } catch (IOException | RuntimeException e) {
      PageHandler.plain(response, callback, 502, "cannot read " + files.get(0).where() + ": " + e.getMessage());
      return;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/csv; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION,
        ContentDisposition.attachment(report.jobName() + "-" + kind.suffix));
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    // Chunked even when the client asks to close the connection: a body ended by the close would
    // make an aborted download look complete.
    response.getHeaders().put(HttpHeader.TRANSFER_ENCODING, "chunked");
    if ("HEAD".equals(request.getMethod())) {
      close(first);
      callback.succeeded();
      return;
    }
    // Not closed on failure: closing would write the last chunk, and the client would see a clean end.
    OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), BUFFER);
    try {
      for (int i = 0; i < files.size(); i++) {
        try (InputStream in = i == 0 ? first : ResultFiles.open(report.reader(), files.get(i))) {
          if (kind == Kind.RETRY_MANIFEST) {
            retryRows(in, files.get(i), out);
          } else {
            copy(in, files.get(i), out);
          }
        }
      }
      if (kind == Kind.RETRY_MANIFEST) {
        report.reader().readUnprocessed(t -> write(out, t.bucket(), t.key(), t.versionId()));
      }
      out.close();
    } catch (IOException | RuntimeException e) {
      close(first);
      callback.failed(e); // committed: Jetty aborts the connection, no last chunk
      return;
    }
    callback.succeeded();
  }

  /** Copies a result file as it is (a line break added only if its last row has none). */
  private static void copy(InputStream source, ResultFiles.Entry file, OutputStream out) throws IOException {
    DigestInputStream in = new DigestInputStream(source, md5());
    byte[] buf = new byte[BUFFER];
    int last = '\n';
    for (int n; (n = in.read(buf)) > 0; ) {
      out.write(buf, 0, n);
      last = buf[n - 1];
    }
    if (last != '\n') {
      out.write('\n');
    }
    check(in, file);
  }

  private static void retryRows(InputStream source, ResultFiles.Entry file, OutputStream out) throws IOException {
    DigestInputStream in = new DigestInputStream(source, md5());
    try {
      ReportReader.readRows(in, file.where(), BUFFER, row -> {
        if (row.failed()) {
          write(out, row.bucket(), row.key(), row.versionId());
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    check(in, file);
  }

  /** One manifest row: bucket, key as the report has it (encoded), the version id when there is one. */
  private static void write(OutputStream out, String bucket, String key, String versionId) {
    StringBuilder line = new StringBuilder(64 + key.length());
    if (versionId.isEmpty()) {
      CsvWriter.record(line, bucket, key);
    } else {
      CsvWriter.record(line, bucket, key, versionId);
    }
    try {
      out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(DigestInputStream in, ResultFiles.Entry file) throws IOException {
    String actual = HexFormat.of().formatHex(in.getMessageDigest().digest());
    if (!actual.equalsIgnoreCase(file.md5Checksum())) {
      throw new IOException(ControlCharacters.escape(file.where()) + ": MD5 " + actual
          + " differs from manifest.json's " + file.md5Checksum() + "; download aborted");
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing more to read from it
    }
  }
}
