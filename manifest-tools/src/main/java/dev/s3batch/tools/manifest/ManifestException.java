package dev.s3batch.tools.manifest;

/**
 * Bad manifest input: a line, a field, a URI or an option that cannot become a manifest row. The
 * message names what is wrong and where (file and line, or option); the CLI prints it and exits 2.
 */
public final class ManifestException extends RuntimeException {

  public ManifestException(String message) {
    super(message);
  }

  public ManifestException(String message, Throwable cause) {
    super(message, cause);
  }

  /** This problem, said to happen at {@code where} (for example {@code keys.txt line 12}). */
  public ManifestException at(String where) {
    return new ManifestException(where + ": " + getMessage(), this);
  }
}
