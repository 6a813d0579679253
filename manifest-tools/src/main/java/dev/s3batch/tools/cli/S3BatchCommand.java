package dev.s3batch.tools.cli;

import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code s3batch}: the top-level command; it only groups the subcommands. They are listed in
 * {@link #COMMANDS}, not in the annotation, so that {@link Main} builds only those a command line
 * names (picocli reads every option of every command it is given, which is most of the start-up).
 */
@Command(
    name = "s3batch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "S3 Batch Operations jobs that invoke a Lambda function: run the function, build manifests, "
        + "submit and follow jobs, run jobs locally, review completion reports.")
public final class S3BatchCommand {

  /** The subcommands, in the order {@code --help} lists them. */
  static final List<Class<?>> COMMANDS = List.of(
      InvokeCommand.class,
      ManifestCommand.class,
      JobCommand.class,
      ReportCommand.class,
      S3Command.class,
      LambdaCommand.class,
      IamCommand.class,
      DemoCommand.class,
      HelpCommand.class);
}
