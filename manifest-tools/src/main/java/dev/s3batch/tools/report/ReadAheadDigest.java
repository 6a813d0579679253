package dev.s3batch.tools.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import software.amazon.awssdk.http.Abortable;

/**
 * An input stream that reads its source ahead on a thread of its own and computes the source's
 * MD5 there, so that reading (from disk or S3) and hashing overlap with the caller's parsing.
 * At most {@value #BUFFERS} buffers of {@value #BUFFER_SIZE} bytes are in use. One reader thread
 * only; {@link #close()} stops the read-ahead thread, which closes the source, and waits for it.
 */
final class ReadAheadDigest extends InputStream {

  private static final int BUFFERS = 4;
  private static final int BUFFER_SIZE = 1 << 18;
  private static final long JOIN_MILLIS = 10_000;

  /** A filled buffer, the end of the source ({@code length} -1), or the source's failure. */
  private record Chunk(byte[] data, int length, IOException failure) {}

  private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final MessageDigest md5;
  private final InputStream source;
  private final Thread thread;
  private volatile boolean closed;
  private Chunk current;
  private int offset;
  private boolean ended;

  ReadAheadDigest(InputStream source) {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[BUFFER_SIZE]);
    }
    this.source = source;
    thread = new Thread(() -> pump(source), "s3batch-report-read-ahead");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Reads the source to its end, closes it, and only then announces the end: so {@link #close()},
   * which interrupts a thread that is still reading, never interrupts the source's own close (the
   * SDK's S3 stream answers an interrupt there with an {@code AbortedException}). A failure is
   * handed to the reader; after {@link #close()}, the rest of the source is abandoned silently.
   */
  private void pump(InputStream source) {
    Chunk last;
    try {
      while (true) {
        byte[] buffer = free.take();
        int n = source.readNBytes(buffer, 0, buffer.length);
        if (n <= 0) {
          break;
        }
        md5.update(buffer, 0, n);
        filled.put(new Chunk(buffer, n, null));
      }
      source.close();
      last = new Chunk(null, -1, null);
    } catch (InterruptedException e) {
      abandon(source);
      return;
    } catch (IOException | RuntimeException e) {
      abandon(source);
      if (closed) {
        return;
      }
      last = new Chunk(null, -1, e instanceof IOException io ? io : new IOException(describe(e), e));
    }
    filled.add(last); // never full: BUFFERS chunks at most, plus this one
  }

  /** Drops the rest of {@code source}: an S3 stream is aborted (its connection closed), not drained. */
  private static void abandon(InputStream source) {
    Thread.interrupted(); // the interrupt did its work; closing must not trip over it again
    try (source) {
      if (source instanceof Abortable a) {
        a.abort();
      }
    } catch (IOException | RuntimeException e) {
      // given up on: nobody reads it any more
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!advance()) {
      return -1;
    }
    int n = Math.min(len, current.length() - offset);
    System.arraycopy(current.data(), offset, b, off, n);
    offset += n;
    return n;
  }

  private boolean advance() throws IOException {
    if (ended) {
      return false;
    }
    if (current != null && offset < current.length()) {
      return true;
    }
    if (current != null) {
      free.add(current.data());
    }
    try {
      current = filled.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading a report file");
    }
    offset = 0;
    if (current.failure() != null) {
      throw current.failure();
    }
    if (current.length() < 0) {
      ended = true;
      current = null;
      return false;
    }
    return true;
  }

  /** The source's MD5 in lower-case hex; reads the rest of the source first. */
  String md5Hex() throws IOException {
    while (advance()) {
      offset = current.length();
    }
    return HexFormat.of().formatHex(md5.digest());
  }

  /**
   * Stops the read-ahead thread, abandoning what it has not read (an S3 stream is aborted), and
   * waits for it to end; after reading to the end, only waits.
   */
  @Override
  public void close() {
    closed = true;
    if (!ended) {
      thread.interrupt();
      if (source instanceof Abortable a) {
        a.abort(); // a socket read does not end on an interrupt; aborting the stream ends it
      }
    }
    try {
      thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
