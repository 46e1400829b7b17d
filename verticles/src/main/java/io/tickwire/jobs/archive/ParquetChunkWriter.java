package io.tickwire.jobs.archive;

import io.tickwire.codecs.IsoTime;
import io.tickwire.store.EventTimes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one chunk of a table from PostgreSQL into Hive-partitioned ZSTD Parquet files in a staging directory,
 * through an in-memory DuckDB: the rows stream from a server-side cursor into DuckDB's appender, then one
 * {@code COPY ... TO ... (PARTITION_BY (date, venue, symbol))} writes a file per partition with the chunk's
 * watermark in each file's key-value metadata. Blocking: run it on a worker thread.
 */
final class ParquetChunkWriter implements AutoCloseable {
  /** Rows fetched from PostgreSQL per round trip; keeps memory flat however large the chunk. */
  private static final int FETCH_ROWS = 10_000;
  private static final String STAGING_TABLE = "chunk_rows";
  /** Key-value metadata keys in every file. */
  static final String WATERMARK_KEY = "tickwire.watermark";
  static final String CHUNK_START_KEY = "tickwire.chunk_start";
  static final String FORMAT_KEY = "tickwire.format";

  private final DuckDBConnection duck;

  /**
   * @param spillDir where DuckDB may spill beyond {@code memoryMb}
   */
  ParquetChunkWriter(int memoryMb, Path spillDir) throws SQLException {
    duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = duck.createStatement()) {
      s.execute("SET memory_limit = '" + memoryMb + "MB'");
      s.execute("SET temp_directory = '" + sqlString(spillDir.toAbsolutePath().toString()) + "'");
      // Background work beside the pipeline: one core, never both.
      s.execute("SET threads = 1");
    }
  }

  /** Writes the chunk's rows of {@code table} under {@code stageDir}; returns how many rows (0: no file). */
  long write(ArchiveTable table, Connection pg, Chunk chunk, Path stageDir) throws SQLException {
    try (Statement s = duck.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + STAGING_TABLE);
      s.execute(table.createTable(STAGING_TABLE));
    }
    long rows = load(table, pg, chunk);
    if (rows > 0) {
      copyOut(stageDir, chunk);
    }
    return rows;
  }

  private long load(ArchiveTable table, Connection pg, Chunk chunk) throws SQLException {
    List<ArchiveTable.Column> columns = table.columns();
    long rows = 0;
    try (PreparedStatement select = pg.prepareStatement(table.selectChunk())) {
      select.setFetchSize(FETCH_ROWS);
      EventTimes.set(select, 1, chunk.startMicros());
      EventTimes.set(select, 2, chunk.endMicros());
      try (ResultSet r = select.executeQuery();
          DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, STAGING_TABLE)) {
        while (r.next()) {
          appender.beginRow();
          for (int i = 0; i < columns.size(); i++) {
            append(appender, r, i + 1, columns.get(i).type());
          }
          appender.endRow();
          rows++;
        }
      }
    }
    return rows;
  }

  private static void append(DuckDBAppender appender, ResultSet r, int column, String type) throws SQLException {
    switch (type) {
      case "VARCHAR" -> appendOrNull(appender, r.getString(column));
      case "DECIMAL(38,18)" -> appendOrNull(appender, decimal(r.getBigDecimal(column)));
      case "TIMESTAMPTZ" -> {
        long micros = EventTimes.get(r, column);
        if (micros == EventTimes.NONE) {
          appender.appendNull();
        } else {
          appender.appendEpochMicros(micros);
        }
      }
      case "BIGINT" -> {
        long value = r.getLong(column);
        if (r.wasNull()) {
          appender.appendNull();
        } else {
          appender.append(value);
        }
      }
      case "INTEGER" -> appender.append(r.getInt(column));
      case "BOOLEAN" -> appender.append(r.getBoolean(column));
      case "DOUBLE" -> { // a filled bar under batcher.empty=none has no prices: NULL stays NULL, not 0
        double value = r.getDouble(column);
        if (r.wasNull()) {
          appender.appendNull();
        } else {
          appender.append(value);
        }
      }
      default -> throw new IllegalStateException("no appender for column type " + type);
    }
  }

  /** Exact to 18 places, which no venue exceeds; more would fail loudly here rather than round silently. */
  private static BigDecimal decimal(BigDecimal value) {
    return value == null ? null : value.setScale(18, RoundingMode.UNNECESSARY);
  }

  private static void appendOrNull(DuckDBAppender appender, Object value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else if (value instanceof BigDecimal d) {
      appender.append(d);
    } else {
      appender.append((String) value);
    }
  }

  private void copyOut(Path stageDir, Chunk chunk) throws SQLException {
    try {
      // DuckDB creates the partition directories but not their parents.
      java.nio.file.Files.createDirectories(stageDir.getParent());
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create " + stageDir.getParent() + ": " + e.getMessage(), e);
    }
    String sql = "COPY " + STAGING_TABLE + " TO '" + sqlString(stageDir.toAbsolutePath().toString()) + "'"
        + " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (date, venue, symbol), OVERWRITE_OR_IGNORE,"
        + " FILENAME_PATTERN '" + ArchiveLayout.stagedPattern(chunk.partNumber()) + "',"
        + " KV_METADATA {'" + WATERMARK_KEY + "': '" + IsoTime.format(chunk.endMicros()) + "', '"
        + CHUNK_START_KEY + "': '" + IsoTime.format(chunk.startMicros()) + "', '" + FORMAT_KEY + "': '"
        + ArchiveLayout.VERSION + "'})";
    try (Statement s = duck.createStatement()) {
      s.execute(sql);
      s.execute("DROP TABLE " + STAGING_TABLE);
    }
  }

  static String sqlString(String text) {
    return text.replace("'", "''");
  }

  @Override
  public void close() throws SQLException {
    duck.close();
  }
}
