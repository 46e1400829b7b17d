package io.tickwire.jobs.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

/**
 * The archive as SQL: a DuckDB view per table ({@code trades}, {@code bars}) over its published Parquet files with
 * Hive partitioning, so {@code WHERE date = '2024-05-01' AND symbol = 'BTC-USD'} reads only the matching
 * directories. Staging is outside the glob: a file being written is never part of a view.
 */
public final class ArchiveViews {
  private static final String HIVE_TYPES = "{'date': DATE, 'venue': VARCHAR, 'symbol': VARCHAR}";

  private ArchiveViews() {
  }

  public static void create(Connection duck, ArchiveLayout layout) throws SQLException, IOException {
    try (Statement s = duck.createStatement()) {
      for (ArchiveTable table : ArchiveTable.values()) {
        s.execute("CREATE OR REPLACE VIEW " + table.dirName() + " AS " + source(table, layout));
      }
    }
  }

  private static String source(ArchiveTable table, ArchiveLayout layout) throws IOException {
    if (!hasFiles(layout.tableDir(table))) {
      return empty(table);
    }
    return "SELECT * FROM read_parquet('" + ParquetChunkWriter.sqlString(layout.glob(table))
        + "', hive_partitioning = true, hive_types = " + HIVE_TYPES + ")";
  }

  private static boolean hasFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var walk = Files.walk(dir)) {
      return walk.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    }
  }

  /** No file yet: the same columns and no rows, so a query is valid before the first chunk rather than an error. */
  private static String empty(ArchiveTable table) {
    return "SELECT " + table.columns().stream()
        .map(c -> "CAST(NULL AS " + (c.name().equals("date") ? "DATE" : c.type()) + ") AS " + c.name())
        .collect(Collectors.joining(", ")) + " WHERE false";
  }
}
