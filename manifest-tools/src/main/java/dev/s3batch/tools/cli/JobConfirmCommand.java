package dev.s3batch.tools.cli;

import picocli.CommandLine.Command;
import software.amazon.awssdk.services.s3control.model.RequestedJobStatus;

/** {@code s3batch job confirm ID}: UpdateJobStatus Ready. */
@Command(
    name = "confirm",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Confirm a job that waits for confirmation (UpdateJobStatus Ready): it starts.")
public final class JobConfirmCommand extends JobStatusUpdateCommand {

  @Override
  RequestedJobStatus requested() {
    return RequestedJobStatus.READY;
  }
}
