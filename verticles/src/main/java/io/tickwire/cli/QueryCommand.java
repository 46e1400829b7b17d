package io.tickwire.cli;

import io.tickwire.config.Settings;
import io.tickwire.jobs.archive.ArchiveLayout;
import io.tickwire.jobs.archive.ArchiveViews;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tickwire query "SQL"}: SQL over the Parquet archive, with views {@code trades} and {@code bars}. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Run SQL (DuckDB) over the Parquet archive: views trades and bars, Hive-partitioned by date,",
        "venue and symbol, so WHERE date = '2024-05-01' AND symbol = 'BTC-USD' reads only those files."})
final class QueryCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  @Parameters(index = "0", paramLabel = "SQL", description = "The statement, e.g. \"SELECT count(*) FROM trades\".")
  String sql;

  @Option(names = "--format", defaultValue = "json", description = "json (one object per row) or table.")
  RowPrinter.Format format;

  @Override
  public Integer call() throws Exception {
    Settings settings = configOptions.load();
    ArchiveLayout layout = new ArchiveLayout(settings.archiveDir());
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
      ArchiveViews.create(duck, layout);
      if (s.execute(sql)) {
        RowPrinter.print(s.getResultSet(), format, spec.commandLine().getOut());
      }
      return RunCommand.EXIT_OK;
    } catch (SQLException e) {
      // The user's SQL: DuckDB's message says what is wrong with it.
      spec.commandLine().getErr().println("tickwire query: " + e.getMessage());
      return RunCommand.EXIT_BAD_CONFIG;
    }
  }
}
