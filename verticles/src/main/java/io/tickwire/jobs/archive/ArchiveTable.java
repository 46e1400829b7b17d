package io.tickwire.jobs.archive;

import io.tickwire.store.ArchiveQueries;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One table of the archive: the PostgreSQL rows it holds for a chunk of event time ({@link ArchiveQueries}), and
 * their Parquet columns. The partition columns ({@code date}, {@code venue}, {@code symbol}) live in the directory
 * names, not in the files. Prices and sizes are DECIMAL(38,18): exact for every venue's precision, and numbers to a reader, not text.
 */
public enum ArchiveTable {
  TRADES("trades", "event_ts", ArchiveQueries.TRADES_CHUNK,
      List.of(col("trade_id", "VARCHAR"), col("price", "DECIMAL(38,18)"), col("size", "DECIMAL(38,18)"),
          col("side", "VARCHAR"), col("event_ts", "TIMESTAMPTZ"), col("ingest_ts", "TIMESTAMPTZ"),
          col("seq", "BIGINT"), new Column("backfill", "BOOLEAN", "false"))),
  BARS("bars", "bucket_start", ArchiveQueries.BARS_CHUNK,
      List.of(col("interval", "VARCHAR"), col("bucket_start", "TIMESTAMPTZ"), col("open", "DOUBLE"),
          col("high", "DOUBLE"), col("low", "DOUBLE"), col("close", "DOUBLE"), col("volume", "DOUBLE"),
          col("vwap", "DOUBLE"), col("trades", "BIGINT"), col("revision", "INTEGER"),
          col("updated_at", "TIMESTAMPTZ")));

  /**
   * A Parquet column and its DuckDB type. {@code before} is its value in files archived before the column existed
   * (SQL), or null for a column every file has.
   */
  public record Column(String name, String type, String before) {
  }

  /** The Hive partition columns, in directory order. */
  public static final List<Column> PARTITIONS = List.of(col("date", "VARCHAR"), col("venue", "VARCHAR"),
      col("symbol", "VARCHAR"));

  private final String dirName;
  private final String timeColumn;
  private final String selectChunk;
  private final List<Column> dataColumns;

  ArchiveTable(String dirName, String timeColumn, String selectChunk, List<Column> dataColumns) {
    this.dirName = dirName;
    this.timeColumn = timeColumn;
    this.selectChunk = selectChunk;
    this.dataColumns = dataColumns;
  }

  private static Column col(String name, String type) {
    return new Column(name, type, null);
  }

  /** The directory under {@code v1/} and the view name {@code tickwire query} gives it. */
  public String dirName() {
    return dirName;
  }

  /** The event-time column chunks are cut by. */
  public String timeColumn() {
    return timeColumn;
  }

  /** PostgreSQL rows of one chunk, parameters (from, to); the columns in {@link #columns()} order. */
  public String selectChunk() {
    return selectChunk;
  }

  /** Partition columns then data columns: the order of {@link #selectChunk()} and of the staging table. */
  public List<Column> columns() {
    return java.util.stream.Stream.concat(PARTITIONS.stream(), dataColumns.stream()).toList();
  }

  /** {@code CREATE TABLE} for a DuckDB table of this shape. */
  public String createTable(String name) {
    return "CREATE TABLE " + name + " (" + columns().stream().map(c -> c.name() + " " + c.type())
        .collect(Collectors.joining(", ")) + ")";
  }
}
