package dev.s3batch.tools.cli;

import picocli.CommandLine.Command;

/** {@code s3batch lambda}: groups its subcommands. */
@Command(
    name = "lambda",
    mixinStandardHelpOptions = true,
    description = "A local Lambda service for running functions as Lambda runs them, without Docker.",
    subcommands = {LambdaServeCommand.class})
public final class LambdaCommand {}
