package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.action.ActionRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code --help} and {@code s3batch help} say, as a user reads them. */
class HelpTest {

  @Test
  void help_everyCommand_summaryInItsGroupIsOneWholeSentence() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), all);
    assertThat(all).hasSizeGreaterThan(20);
    for (CommandLine command : all) {
      CommandLine parent = command.getParent();
      if (parent == null) {
        continue;
      }
      String summary = command.getCommandSpec().usageMessage().description()[0];
      String name = command.getCommandSpec().qualifiedName();
      assertThat(summary).as("summary of %s", name).endsWith(".").doesNotContain(". ");
      String groupHelp = CliRun.of(parent.getCommandSpec().qualifiedName().replaceFirst("^s3batch ?", "")
          .concat(" --help").trim().split(" ")).out();
      assertThat(squash(groupHelp)).as("%s in its group's help", name).contains(squash(summary));
    }
  }

  @Test
  void help_helpCommand_showsTheHelpOfANestedCommand() {
    CliRun help = CliRun.of("help", "job", "run-local");
    CliRun option = CliRun.of("job", "run-local", "--help");

    assertThat(help.exitCode()).as(help.toString()).isZero();
    assertThat(help.out()).isEqualTo(option.out()).startsWith("Usage: s3batch job run-local");
    assertThat(CliRun.of("help").out()).startsWith("Usage: s3batch [");
  }

  @Test
  void help_helpCommandUnknownName_exit2ListingCommands() {
    CliRun help = CliRun.of("help", "job", "frobnicate");

    assertThat(help.exitCode()).isEqualTo(2);
    assertThat(help.err()).contains("no command \"job frobnicate\"").contains("run-local");
  }

  @Test
  void help_runLocal_saysCtrlCExits130() {
    String help = squash(CliRun.of("job", "run-local", "--help").out());

    assertThat(help).contains("130 when cancelled with Ctrl-C").doesNotContain("or was cancelled (Ctrl-C)");
  }

  @Test
  void help_invokeAndRunLocal_listTheBuiltInActions() {
    for (String[] command : List.of(new String[] {"invoke", "--help"}, new String[] {"job", "run-local", "--help"})) {
      String help = squash(CliRun.of(command).out());
      assertThat(ActionRegistry.builtInNames()).isNotEmpty()
          .allSatisfy(action -> assertThat(help).as(String.join(" ", command)).contains(" " + action + ","));
    }
  }

  @Test
  void help_everyCommand_listsEveryExitCode() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), all);
    for (CommandLine command : all) {
      StringWriter text = new StringWriter();
      command.usage(new PrintWriter(text));
      assertThat(squash(text.toString())).as(command.getCommandSpec().qualifiedName())
          .contains("Exit codes: 0 Success. 1 ").contains(" 2 Bad usage").contains(" 3 It ran")
          .contains(" 130 Interrupted");
    }
  }

  private static void collect(CommandLine command, List<CommandLine> all) {
    all.add(command);
    command.getSubcommands().values().forEach(c -> collect(c, all));
  }

  private static String squash(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
