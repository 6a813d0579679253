package dev.s3batch.tools.cli;

import picocli.CommandLine.Command;
import software.amazon.awssdk.services.s3control.model.RequestedJobStatus;

/** {@code s3batch job cancel ID}: UpdateJobStatus Cancelled. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Cancel a job (UpdateJobStatus Cancelled): tasks already run stay done.")
public final class JobCancelCommand extends JobStatusUpdateCommand {

  @Override
  RequestedJobStatus requested() {
    return RequestedJobStatus.CANCELLED;
  }
}
