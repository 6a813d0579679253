package dev.s3batch.tools.cli;

import picocli.CommandLine.Command;

/** {@code s3batch iam}: groups its subcommands. */
@Command(
    name = "iam",
    mixinStandardHelpOptions = true,
    description = "Least-privilege IAM policies for a job and its function.",
    subcommands = {IamRenderCommand.class})
public final class IamCommand {}
