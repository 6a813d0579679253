package dev.s3batch.handler.internal;

import java.util.Optional;

/**
 * The toolkit's own settings, one vocabulary for the function's environment and the job's
 * {@code userArguments}: {@code destinationBucket} is {@code S3BATCH_DESTINATION_BUCKET}. Guard
 * rails are read only from the environment: a job must not widen them.
 */
public enum Setting {
  /** The action to run on every task. */
  ACTION("action", true),
  /** {@code plain}, {@code json}, {@code pipe} or {@code auto}. */
  KEY_FORMAT("keyFormat", true),
  /** {@code plus-as-space} or {@code percent-only}. */
  KEY_DECODING("keyDecoding", true),
  /** Where copies go. */
  DESTINATION_BUCKET("destinationBucket", true),
  /** A prefix put before the key of each copy. */
  DESTINATION_PREFIX("destinationPrefix", true),
  /** {@code permanent} (default) or {@code temporary}: how a missing key (NoSuchKey) is answered. */
  MISSING_KEY("missingKey", true),
  /** Seconds kept in reserve before the Lambda deadline: with less left, an action stops and answers TemporaryFailure (default 30). */
  DEADLINE_MARGIN("deadlineMargin", true),
  /** Comma-separated names of the actions a job may run; {@code *} for any. Environment only. */
  ALLOWED_ACTIONS("allowedActions", false),
  /** Comma-separated buckets a job may write to; {@code *} for any. Environment only. */
  ALLOWED_DESTINATIONS("allowedDestinations", false);

  private final String argument;
  private final boolean jobMaySet;

  Setting(String argument, boolean jobMaySet) {
    this.argument = argument;
    this.jobMaySet = jobMaySet;
  }

  /** The {@code userArguments} name, e.g. {@code destinationBucket}. */
  public String argument() {
    return argument;
  }

  /** The environment variable, e.g. {@code S3BATCH_DESTINATION_BUCKET}. */
  public String environmentVariable() {
    return environmentVariable(argument);
  }

  /** Whether a job's {@code userArguments} may set it. */
  public boolean jobMaySet() {
    return jobMaySet;
  }

  /** The setting with this {@code userArguments} name, if the toolkit declares one. */
  public static Optional<Setting> byArgument(String name) {
    for (Setting s : values()) {
      if (s.argument.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** {@code S3BATCH_} plus the name in upper snake case: {@code storageClass} is {@code S3BATCH_STORAGE_CLASS}. */
  public static String environmentVariable(String argument) {
    StringBuilder sb = new StringBuilder("S3BATCH_");
    for (int i = 0; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        sb.append('_');
      }
      sb.append(c == '-' ? '_' : Character.toUpperCase(c));
    }
    return sb.toString();
  }
}
