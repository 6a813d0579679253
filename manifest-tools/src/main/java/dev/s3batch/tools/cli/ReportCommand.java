package dev.s3batch.tools.cli;

import picocli.CommandLine.Command;

/** {@code s3batch report}: groups its subcommands. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Review S3 Batch Operations completion reports.",
    subcommands = {ReportReviewCommand.class, ReportServeCommand.class})
public final class ReportCommand {}
