package dev.s3batch.tools.job;

/**
 * Bad input to a job operation, found before anything was sent. The message names the option and
 * the value, for example {@code --arg "k": a key has 1 to 64 characters}; the CLI prints it and
 * exits 2.
 */
public final class JobInputException extends RuntimeException {

  public JobInputException(String message) {
    super(message);
  }
}
