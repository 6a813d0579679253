package dev.s3batch.tools.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code s3batch help [COMMAND...]}: the same text as {@code --help}, of s3batch or of any
 * command, however deep ({@code s3batch help job run-local}); picocli's own help command only
 * goes one level down.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the help of s3batch or of one of its commands, for example: s3batch help job run-local.")
final class HelpCommand implements Runnable {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, for example: job run-local.")
  List<String> names = new ArrayList<>();

  @Override
  public void run() {
    CommandLine target = spec.commandLine().getParent();
    for (String name : names) {
      CommandLine next = target.getSubcommands().get(name);
      if (next == null || next == spec.commandLine()) {
        throw CliException.usage("help: no command \"" + String.join(" ", names) + "\"; the commands of "
            + target.getCommandSpec().qualifiedName() + " are " + commands(target));
      }
      target = next;
    }
    target.usage(spec.commandLine().getOut());
  }

  private static List<String> commands(CommandLine parent) {
    return parent.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
  }
}
