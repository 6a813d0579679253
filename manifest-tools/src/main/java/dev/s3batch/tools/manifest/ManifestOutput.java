package dev.s3batch.tools.manifest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Where a {@link ManifestWriter} puts its parts. The writer opens parts in order from 1, closes
 * each before opening the next, then either {@link #commit()}s (every part is complete) or
 * {@link #abort()}s (nothing of this build may be left looking complete). Single-threaded.
 */
public interface ManifestOutput {

  /** Opens part {@code number} (from 1) for writing ASCII text as bytes; the writer buffers, so the stream need not. */
  OutputStream open(int number) throws IOException;

  /** Makes every part visible under its final name; called once, after the last part is closed. */
  void commit() throws IOException;

  /** Discards every part; never throws. */
  void abort();

  /** The final names of the parts opened so far, in order. */
  List<String> names();
}
