package dev.s3batch.tools.manifest;

/** A manifest that cannot be read as a job's manifest; the message names the file and line. */
public final class InvalidManifestException extends RuntimeException {

  public InvalidManifestException(String message) {
    super(message);
  }

  public InvalidManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
