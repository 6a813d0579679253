package dev.s3batch.tools.aws;

/**
 * The SDK finds no Region or no credentials for a command: found before anything is sent, so
 * the command can stop with what to do instead of failing its first request (or every task).
 */
public final class AwsSetupException extends RuntimeException {

  public AwsSetupException(String message) {
    super(message);
  }
}
