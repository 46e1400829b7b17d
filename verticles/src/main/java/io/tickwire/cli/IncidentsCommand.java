package io.tickwire.cli;

import io.tickwire.config.ConfigException;
import io.tickwire.recorder.IncidentStore;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tickwire incidents list|show ID}: the flight recorder's bundles, read from the incidents directory. */
@Command(name = "incidents", mixinStandardHelpOptions = true,
    description = "List the incident bundles the flight recorder wrote, or show one.",
    subcommands = {IncidentsCommand.ListIncidents.class, IncidentsCommand.ShowIncident.class})
final class IncidentsCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list or show ID");
  }

  /** Opens the store of the configured incidents directory; a bad configuration is exit 2. */
  abstract static class StoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Override
    public final Integer call() throws Exception {
      IncidentStore store;
      try {
        store = new IncidentStore(configOptions.load().incidentsDir());
      } catch (ExecutionException | ConfigException | IllegalArgumentException e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        err().println("tickwire: " + cause.getMessage());
        return RunCommand.EXIT_BAD_CONFIG;
      }
      return call(store, spec.commandLine().getOut());
    }

    abstract int call(IncidentStore store, PrintWriter out) throws Exception;

    /** The command line's error stream (System.err unless a caller, e.g. a test, set another). */
    PrintWriter err() {
      return spec.commandLine().getErr();
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List incidents, newest first.")
  static final class ListIncidents extends StoreCommand {
    @Option(names = "--json", description = "One meta.json object per line instead of a table.")
    boolean json;

    @Override
    int call(IncidentStore store, PrintWriter out) throws Exception {
      List<JsonObject> incidents = store.list();
      if (json) {
        incidents.forEach(meta -> out.println(meta.encode()));
      } else if (incidents.isEmpty()) {
        err().println("no incidents in " + store.dir());
      } else {
        out.printf("%-26s %-14s %-10s %-12s %7s %7s  %s%n", "ID", "TRIGGER", "VENUE", "SYMBOL", "BEFORE", "AFTER",
            "TRIGGER TIME");
        incidents.forEach(meta -> out.println(row(meta)));
      }
      return RunCommand.EXIT_OK;
    }

    private static String row(JsonObject meta) {
      JsonObject trigger = meta.getJsonObject("trigger", new JsonObject());
      return String.format("%-26s %-14s %-10s %-12s %7d %7d  %s", meta.getString("id"), trigger.getString("type"),
          trigger.getString("venue"), trigger.getString("symbol"), meta.getInteger("events_before", 0),
          meta.getInteger("events_after", 0), trigger.getString("ts"));
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Print an incident's report (or its meta.json with --json).")
  static final class ShowIncident extends StoreCommand {
    @Parameters(paramLabel = "ID", description = "The incident id, as listed.")
    String id;

    @Option(names = "--json", description = "Print meta.json instead of report.md.")
    boolean json;

    @Override
    int call(IncidentStore store, PrintWriter out) throws Exception {
      Optional<?> shown;
      try {
        shown = json ? store.meta(id).map(JsonObject::encodePrettily) : store.report(id);
      } catch (IllegalArgumentException e) {
        err().println("tickwire: " + e.getMessage());
        return RunCommand.EXIT_BAD_CONFIG;
      } catch (io.vertx.core.json.DecodeException | java.io.IOException e) {
        err().println("tickwire: incident '" + id + "' in " + store.dir() + " cannot be read: " + e.getMessage());
        return RunCommand.EXIT_FAILED;
      }
      if (shown.isEmpty()) {
        err().println("tickwire: no incident '" + id + "' in " + store.dir() + " (tickwire incidents list)");
        return RunCommand.EXIT_FAILED;
      }
      out.println(shown.get());
      return RunCommand.EXIT_OK;
    }
  }
}
