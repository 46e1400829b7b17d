package io.tickwire.cli;

import io.tickwire.config.Settings;
import io.tickwire.jobs.profile.DataProfiler;
import io.tickwire.jobs.profile.ProfileReport;
import io.tickwire.jobs.profile.SymbolProfile;
import io.tickwire.store.StoredDatabase;
import java.sql.Connection;
import java.util.Collection;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tickwire profile --from --to [--json]}: data quality per symbol from the stored trades and anomalies. */
@Command(name = "profile", mixinStandardHelpOptions = true,
    description = {"Data quality per symbol over a range of the stored trades and anomalies: gaps (500 ms, 5 s,",
        "30 s), price outliers, duplicates, late trades; a markdown report or JSON."})
final class ProfileCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  @CommandLine.Mixin
  TimeRange range = new TimeRange();

  @Option(names = "--json", description = "One JSON object instead of markdown.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    Settings settings = configOptions.load();
    long from = range.fromMicros(cmd);
    long to = range.toMicros(cmd);
    Collection<SymbolProfile> symbols;
    try (StoredDatabase db = StoredDatabase.open(settings); Connection c = db.jdbc().connect()) {
      symbols = new DataProfiler(settings).profile(c, from, to).values();
    }
    cmd.getOut().print(json ? ProfileReport.json(from, to, symbols).encode() + "\n"
        : ProfileReport.markdown(from, to, symbols));
    cmd.getOut().flush();
    return RunCommand.EXIT_OK;
  }
}
