package io.tickwire.store;

/**
 * What the Parquet archive reads from PostgreSQL: the rows of one chunk of event time per archived table,
 * parameters (from, to). The columns come in the archive's order: the partition columns {@code date},
 * {@code venue}, {@code symbol}, then the table's data columns, as {@code jobs.archive.ArchiveTable} lists them.
 */
public final class ArchiveQueries {
  public static final String TRADES_CHUNK =
      "SELECT to_char(event_ts AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, venue, symbol, trade_id, price, size, side,"
          + " event_ts, ingest_ts, seq, backfill FROM trades WHERE event_ts >= ? AND event_ts < ?";

  public static final String BARS_CHUNK =
      "SELECT to_char(bucket_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, venue, symbol, interval, bucket_start,"
          + " open, high, low, close, volume, vwap, trades, revision, updated_at FROM bars_ohlcv"
          + " WHERE bucket_start >= ? AND bucket_start < ?";

  private ArchiveQueries() {
  }
}
