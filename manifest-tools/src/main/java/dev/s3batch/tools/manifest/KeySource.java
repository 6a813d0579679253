package dev.s3batch.tools.manifest;

import java.io.IOException;

/**
 * Where manifest rows come from: a key list, a CSV or JSON Lines file, or an S3 listing. A source
 * streams: it hands each row to the sink as soon as it is read and keeps none of them, so memory
 * does not grow with the number of keys. A problem with a row is thrown as a
 * {@link ManifestException} that names the file and line (or the listed key).
 */
public interface KeySource {

  /** Reads every row, in order, into {@code sink}; runs once. */
  void forEach(RowSink sink) throws IOException;

  /** What the source reads, for messages: a file name, {@code stdin} or an {@code s3://} URI. */
  String name();
}
