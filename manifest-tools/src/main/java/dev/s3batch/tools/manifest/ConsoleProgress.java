package dev.s3batch.tools.manifest;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on a terminal: {@code listed 1,204,000 keys, wrote 1,190,500 rows
 * (412,300 rows/s)}, redrawn with a carriage return at most once a second, ended with a newline by
 * {@link #done()} if it drew anything. Single-threaded, like the build.
 */
public final class ConsoleProgress implements ProgressListener {

  private final PrintWriter err;
  private final LongSupplier nanoClock;
  private final long start;
  private long lastDraw;
  private long listed;
  private long written;
  private boolean drawn;

  /**
   * @param err where the line is drawn (stderr)
   * @param nanoClock the clock, {@code System::nanoTime}
   */
  public ConsoleProgress(PrintWriter err, LongSupplier nanoClock) {
    this.err = err;
    this.nanoClock = nanoClock;
    this.start = nanoClock.getAsLong();
    this.lastDraw = start;
  }

  @Override
  public void listed(long total) {
    listed = total;
    maybeDraw();
  }

  @Override
  public void written(long total) {
    written = total;
    maybeDraw();
  }

  @Override
  public void done() {
    if (drawn) {
      draw(nanoClock.getAsLong());
      err.println();
      err.flush();
    }
  }

  private void maybeDraw() {
    long now = nanoClock.getAsLong();
    if (now - lastDraw >= 1_000_000_000L) {
      draw(now);
    }
  }

  private void draw(long now) {
    lastDraw = now;
    drawn = true;
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    err.printf("\rlisted %,d keys, wrote %,d rows (%,d rows/s)  ", listed, written, Math.round(written / seconds));
    err.flush();
  }
}
