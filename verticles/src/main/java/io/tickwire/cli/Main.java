package io.tickwire.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tickwire} command line. Logs go to stderr; stdout carries only what a command prints. */
@Command(name = "tickwire", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Real-time market-data pipeline.",
    subcommands = {RunCommand.class, ReplayCommand.class, StressCommand.class, IncidentsCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Logging.configure();
    int code = commandLine().execute(args);
    System.exit(code);
  }

  /** The command line as {@link #main} runs it (tests run it in-process the same way). */
  static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command; try: tickwire run");
  }
}
