package dev.s3batch.tools.cli;

import picocli.CommandLine.Command;

/** {@code s3batch}: the top-level command; it only groups the subcommands. */
@Command(
    name = "s3batch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "S3 Batch Operations jobs that invoke a Lambda function: run the function, build manifests, "
        + "submit and follow jobs, run jobs locally, review completion reports.",
    subcommands = {
      InvokeCommand.class,
      ManifestCommand.class,
      JobCommand.class,
      ReportCommand.class,
      S3Command.class,
      IamCommand.class,
      DemoCommand.class,
      HelpCommand.class
    })
public final class S3BatchCommand {}
