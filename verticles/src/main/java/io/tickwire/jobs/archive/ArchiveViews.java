package io.tickwire.jobs.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The archive as SQL: a DuckDB view per table ({@code trades}, {@code bars}) over its published Parquet files with
 * Hive partitioning, so {@code WHERE date = '2024-05-01' AND symbol = 'BTC-USD'} reads only the matching
 * directories. Staging is outside the glob: a file being written is never part of a view.
 *
 * <p>Files are read by column name, so files archived before a column was added (a trade's {@code backfill}) sit
 * beside newer ones and read as that column's {@link ArchiveTable.Column#before} value.
 */
public final class ArchiveViews {
  private static final String HIVE_TYPES = "{'date': DATE, 'venue': VARCHAR, 'symbol': VARCHAR}";

  private ArchiveViews() {
  }

  public static void create(Connection duck, ArchiveLayout layout) throws SQLException, IOException {
    try (Statement s = duck.createStatement()) {
      for (ArchiveTable table : ArchiveTable.values()) {
        s.execute("CREATE OR REPLACE VIEW " + table.dirName() + " AS " + source(s, table, layout));
      }
    }
  }

  private static String source(Statement s, ArchiveTable table, ArchiveLayout layout)
      throws IOException, SQLException {
    if (!hasFiles(layout.tableDir(table))) {
      return empty(table);
    }
    String files = "read_parquet('" + ParquetChunkWriter.sqlString(layout.glob(table))
        + "', hive_partitioning = true, hive_types = " + HIVE_TYPES + ", union_by_name = true)";
    Set<String> stored = storedColumns(s, files);
    return "SELECT " + table.columns().stream().map(c -> column(c, stored)).collect(Collectors.joining(", "))
        + " FROM " + files;
  }

  /** The column as stored, or its value from before it existed where no file or only some files have it. */
  private static String column(ArchiveTable.Column c, Set<String> stored) {
    if (c.before() == null) {
      return c.name();
    }
    return (stored.contains(c.name()) ? "coalesce(" + c.name() + ", " + c.before() + ")" : c.before()) + " AS "
        + c.name();
  }

  private static Set<String> storedColumns(Statement s, String files) throws SQLException {
    Set<String> names = new HashSet<>();
    try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + files)) {
      while (r.next()) {
        names.add(r.getString("column_name"));
      }
    }
    return names;
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
