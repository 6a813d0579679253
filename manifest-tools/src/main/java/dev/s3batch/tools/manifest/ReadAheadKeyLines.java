package dev.s3batch.tools.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The non-empty lines of a key list, as {@link KeyLines} gives them (the same bytes, line numbers
 * and errors, in the same order), read, split and checked on a thread of its own: on two cores
 * the reading, splitting and UTF-8 check of the next keys overlap with the encoding and writing of
 * these ({@code bench/manifest-build.sh}). The lines travel in batches of about 1 MiB (at most
 * {@value #BATCHES} at once, so memory stays flat); a failure of the reading thread (bytes that
 * are not UTF-8, a read error) comes after the lines before it. One reader thread only; call
 * {@link #close()} when done.
 *
 * <pre>{@code
 * try (ReadAheadKeyLines lines = new ReadAheadKeyLines(in, "keys.txt")) {
 *   while (lines.next()) {
 *     use(lines.bytes(), lines.start(), lines.length(), lines.line());
 *   }
 * }
 * }</pre>
 */
final class ReadAheadKeyLines implements AutoCloseable {

  private static final int BATCHES = 4;
  private static final int BATCH_BYTES = 1 << 20;
  private static final int BATCH_LINES = 1 << 14;
  private static final long JOIN_MILLIS = 1_000;

  /** Lines stored end to end in {@code data}; the last batch has {@code last} set, and the failure if any. */
  private static final class Batch {
    byte[] data = new byte[BATCH_BYTES];
    final int[] ends = new int[BATCH_LINES];
    final long[] lines = new long[BATCH_LINES];
    int count;
    int used;
    boolean last;
    long totalLines;
    Throwable failure;
  }

  private final BlockingQueue<Batch> filled = new ArrayBlockingQueue<>(BATCHES);
  private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
  private final Thread thread;
  private Batch current;
  private int index;
  private int start;
  private int length;
  private long line;
  private boolean ended;

  ReadAheadKeyLines(InputStream in, String name) {
    for (int i = 0; i < BATCHES; i++) {
      free.add(new Batch());
    }
    thread = new Thread(() -> pump(new KeyLines(in, name)), "s3batch-key-lines");
    thread.setDaemon(true);
    thread.start();
  }

  private void pump(KeyLines lines) {
    Batch b;
    try {
      b = free.take();
    } catch (InterruptedException e) {
      return;
    }
    try {
      while (lines.next()) {
        int len = lines.length();
        if (len == 0) {
          continue;
        }
        if (b.count == BATCH_LINES || b.used + len > b.data.length) {
          if (b.count > 0) {
            filled.put(b);
            b = free.take();
          }
          if (len > b.data.length) {
            b.data = new byte[len];
          }
        }
        System.arraycopy(lines.bytes(), lines.start(), b.data, b.used, len);
        b.used += len;
        b.ends[b.count] = b.used;
        b.lines[b.count] = lines.line();
        b.count++;
      }
      b.totalLines = lines.line();
    } catch (InterruptedException e) {
      return; // closed: nobody reads on
    } catch (IOException | RuntimeException | Error e) {
      b.failure = e;
    }
    b.last = true;
    filled.add(b); // never full: the reader holds at most one batch, so one of the BATCHES slots is free
  }

  /**
   * Moves to the next non-empty line.
   *
   * @return false at the end of the input (then {@link #line()} is the number of lines read)
   * @throws ManifestException when a line is not UTF-8 (as {@link KeyLines#next()})
   */
  boolean next() throws IOException {
    while (current == null || index == current.count) {
      if (ended) {
        return false;
      }
      if (current != null) {
        if (current.last) {
          ended = true;
          line = current.totalLines;
          rethrow(current.failure);
          return false;
        }
        current.count = 0;
        current.used = 0;
        free.add(current);
      }
      try {
        current = filled.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading keys");
      }
      index = 0;
    }
    start = index == 0 ? 0 : current.ends[index - 1];
    length = current.ends[index] - start;
    line = current.lines[index];
    index++;
    return true;
  }

  private static void rethrow(Throwable failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error error) {
      throw error;
    }
  }

  /** The buffer holding the line (valid until the next call to {@link #next()}). */
  byte[] bytes() {
    return current.data;
  }

  /** Where the line starts in {@link #bytes()}. */
  int start() {
    return start;
  }

  /** The line's length in bytes, without its line end (never 0). */
  int length() {
    return length;
  }

  /** The line's number, from 1, counting LF, CR and CRLF as line ends. */
  long line() {
    return line;
  }

  /**
   * Stops the reading thread and waits a moment for it; the caller then closes the input. A thread
   * stuck in a read that an interrupt does not end (a terminal's standard input) is a daemon and is
   * left to fail on the closed input: it only ever fills its own batches.
   */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
