package dev.s3batch.tools.cli;

import picocli.CommandLine.Command;

/** {@code s3batch job}: groups its subcommands. */
@Command(
    name = "job",
    mixinStandardHelpOptions = true,
    description = "Submit, follow and control S3 Batch Operations jobs; run jobs locally.",
    subcommands = {
      JobSubmitCommand.class,
      JobStatusCommand.class,
      JobListCommand.class,
      JobConfirmCommand.class,
      JobCancelCommand.class,
      JobWaitCommand.class,
      RunLocalCommand.class
    })
public final class JobCommand {}
