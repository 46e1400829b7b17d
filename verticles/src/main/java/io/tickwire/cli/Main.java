package io.tickwire.cli;

import io.tickwire.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tickwire} command line. Logs go to stderr; stdout carries only what a command prints. */
@Command(name = "tickwire", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Real-time market-data pipeline.",
    subcommands = {RunCommand.class, ReplayCommand.class, StressCommand.class, IncidentsCommand.class,
        DemoCommand.class, TailCommand.class, ArchiveCommand.class, QueryCommand.class, ReconcileCommand.class,
        ProfileCommand.class, CoverageCommand.class, BenchCommand.class, GenerateCommand.class,
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
    return new CommandLine(new Main()).setExecutionExceptionHandler(Main::failed);
  }

  /** A bad configuration is the user's to fix (exit 2, the message only); anything else is ours (exit 1). */
  private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof ConfigException) {
      cmd.getErr().println("tickwire: " + cause.getMessage());
      return RunCommand.EXIT_BAD_CONFIG;
    }
    cmd.getErr().println("tickwire " + cmd.getCommandName() + " failed: " + cause);
    cause.printStackTrace(cmd.getErr());
    return RunCommand.EXIT_FAILED;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command; try: tickwire run");
  }
}
