package dev.s3batch.tools.cli;

import picocli.CommandLine.Command;

/** {@code s3batch s3}: groups its subcommands. */
@Command(
    name = "s3",
    mixinStandardHelpOptions = true,
    description = "A local S3 server for trying s3batch without an AWS account.",
    subcommands = {S3ServeCommand.class})
public final class S3Command {}
