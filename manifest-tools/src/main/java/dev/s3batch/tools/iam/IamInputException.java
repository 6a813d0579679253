package dev.s3batch.tools.iam;

/** Bad input to {@link IamRenderer}: the message names the option at fault. */
public final class IamInputException extends IllegalArgumentException {

  private final String option;

  public IamInputException(String option, String message) {
    super(option + ": " + message);
    this.option = option;
  }

  /** The option at fault, e.g. {@code --function-arn}. */
  public String option() {
    return option;
  }
}
