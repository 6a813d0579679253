package dev.s3batch.tools.manifest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A single-part output to a writer the caller owns (stdout): closing the part only flushes it.
 * What was written before an error cannot be taken back; files are the safe target.
 */
public final class StreamManifestOutput implements ManifestOutput {

  private final Writer out;
  private final String name;

  /**
   * @param out the writer (not closed)
   * @param name its name in messages, such as {@code stdout}
   */
  public StreamManifestOutput(Writer out, String name) {
    this.out = out;
    this.name = name;
  }

  @Override
  public OutputStream open(int number) {
    if (number != 1) {
      throw new IllegalStateException(name + " takes a single part: split manifests need files");
    }
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(new String(b, off, len, StandardCharsets.US_ASCII));
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  @Override
  public void commit() throws IOException {
    out.flush();
  }

  @Override
  public void abort() {}

  @Override
  public List<String> names() {
    return List.of(name);
  }
}
