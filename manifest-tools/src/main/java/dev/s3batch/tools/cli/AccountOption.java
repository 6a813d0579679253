package dev.s3batch.tools.cli;

import dev.s3batch.tools.job.AccountIds;
import picocli.CommandLine.Option;

/** {@code --account-id}: the account S3 Control calls are made for (else S3BATCH_ACCOUNT_ID or AWS_ACCOUNT_ID). */
public final class AccountOption {

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description = "12-digit AWS account id (default: S3BATCH_ACCOUNT_ID, then AWS_ACCOUNT_ID).")
  String accountId;

  /** The account id from the option or the environment. */
  String resolve() {
    return JobCalls.run(() -> AccountIds.resolve(accountId, System.getenv()));
  }
}
