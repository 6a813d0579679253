package dev.s3batch.tools.cli;

import dev.s3batch.handler.internal.ControlCharacters;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code s3batch} entry point: the only place that calls {@link System#exit}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command line, writing to {@code out} and {@code err}; returns the exit code. Only the
   * subcommands that {@code args} name are built in full; the others are {@linkplain
   * #listing(Class) listings} for {@code --help}. An argument file ({@code @FILE}, which picocli
   * expands) may name any command, so with one everything is built.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Set<String> named = new HashSet<>(Arrays.asList(args));
    boolean argumentFile = named.stream().anyMatch(a -> a.startsWith("@"));
    return commandLine(out, err, c -> argumentFile || named.contains(c.name())
        || Arrays.stream(c.aliases()).anyMatch(named::contains)).execute(args);
  }

  /**
   * The whole command line with the exception handlers and exit-code mapping installed: usage
   * errors exit 2, {@link CliException}s their own code, anything else 1 with its message; every
   * message printed by {@link #errorLine}.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, c -> true);
  }

  private static CommandLine commandLine(PrintWriter out, PrintWriter err, Predicate<Command> built) {
    CommandLine cl = new CommandLine(new S3BatchCommand());
    for (Class<?> command : S3BatchCommand.COMMANDS) {
      Command annotation = command.getAnnotation(Command.class);
      if (built.test(annotation)) {
        cl.addSubcommand(command);
      } else {
        cl.addSubcommand(annotation.name(), listing(command), annotation.aliases());
      }
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    installExitCodeHelp(cl);
    cl.setParameterExceptionHandler(new UsageErrors());
    cl.setExecutionExceptionHandler(new Failures());
    return cl;
  }

  // The two handlers are classes, not lambdas: picocli's handler interfaces are Java 5 class files,
  // and a lambda implementing one keeps it, and picocli's own handlers, out of the class-data
  // archive (the JVM links the interface to make the lambda), so every start would open the jar.

  /** Usage errors: the error line and where to look, exit 2. */
  private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      CommandLine c = ex.getCommandLine();
      c.getErr().println(errorLine(ex.getMessage()));
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
      return ExitCodes.USAGE;
    }
  }

  /** A {@link CliException}'s message and exit code; anything else its message, exit 1. */
  private static final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine c, CommandLine.ParseResult parseResult) {
      if (ex instanceof CliException e) {
        c.getErr().println(errorLine(e.getMessage()));
        return e.exitCode();
      }
      c.getErr().println(errorLine(describe(ex)));
      return ExitCodes.FAILED;
    }
  }

  /**
   * A subcommand that no argument names, as far as the parent's {@code --help} shows it: its name,
   * header, description and hidden flag from its annotation, without reading its options or
   * building its own subcommands. It is never run: an argument naming it builds it in full.
   */
  private static CommandSpec listing(Class<?> command) {
    Command annotation = command.getAnnotation(Command.class);
    CommandSpec spec = CommandSpec.create().name(annotation.name());
    spec.usageMessage().header(annotation.header()).description(annotation.description()).hidden(annotation.hidden());
    return spec;
  }

  private static void installExitCodeHelp(CommandLine cl) {
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.help());
    cl.getSubcommands().values().forEach(Main::installExitCodeHelp);
  }

  /**
   * The one line an error is printed as: {@code s3batch: message}, every control character of the
   * message escaped, so a key or bucket name in it (from a manifest, a report, an S3 answer) cannot
   * drive the terminal or forge a line. Backslashes are kept: a message may already show a key
   * escaped, and doubling them would garble it.
   */
  static String errorLine(String message) {
    return "s3batch: " + ControlCharacters.escapeKeepingBackslashes(message);
  }

  private static String describe(Throwable ex) {
    String message = ex.getMessage();
    return message == null || message.isBlank() ? ex.getClass().getName() : message;
  }
}
