package io.tickwire.store;

import io.tickwire.codecs.Intervals;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two sides of a reconciliation, read from PostgreSQL: bars recomputed from the stored trades, and the stored
 * real-time bars (one row per key: the latest revision, since the sink's upsert keeps only that).
 *
 * <p>The recomputation is independent SQL over exact {@code numeric} prices and sizes with the batcher's semantics
 * ({@code BarBuilder}): windows aligned to the epoch; open the earliest trade by event time and then trade id
 * (numeric ids as numbers), close the latest; volume the exact sum of sizes; the trade count. Filled bars (windows
 * without trades) are left out of the stored side, since trades cannot recompute them: a window that has trades
 * but only a filled bar stored shows as a bar missing from the store.
 */
public final class ReconcileQueries {
  /** Numeric ids padded to one width so text order is numeric order, as {@code BarBuilder.compareIds} does. */
  private static final String RECOMPUTE = """
      WITH t AS (
        SELECT venue, symbol, price, size, event_ts, iv.ms,
          CASE WHEN trade_id ~ '^[0-9]+$' THEN lpad(trade_id, 40, '0') ELSE trade_id END AS id_order,
          (floor(extract(epoch FROM event_ts) * 1000 / iv.ms) * iv.ms)::bigint AS start_ms
        FROM trades CROSS JOIN unnest(?::bigint[]) AS iv(ms)
        WHERE event_ts >= ? AND event_ts < ?)
      SELECT venue, symbol, ms, start_ms,
        (array_agg(price ORDER BY event_ts, id_order))[1]::float8 AS open,
        max(price)::float8 AS high, min(price)::float8 AS low,
        (array_agg(price ORDER BY event_ts DESC, id_order DESC))[1]::float8 AS close,
        sum(size)::float8 AS volume, count(*) AS trades
      FROM t GROUP BY venue, symbol, ms, start_ms""";

  private static final String STORED = """
      SELECT venue, symbol, interval, bucket_start, open, high, low, close, volume, trades
      FROM bars_ohlcv WHERE interval = ANY(?) AND bucket_start >= ? AND bucket_start < ? AND NOT filled""";

  /** One bar as a side of the reconciliation has it: its key, then the fields compared. */
  public record BarRow(String venue, String symbol, long intervalMillis, long startMicros, double open, double high,
      double low, double close, double volume, long trades) {
  }

  private ReconcileQueries() {
  }

  /** Bars of the windows of {@code intervalsMillis} starting in {@code [fromMicros, toMicros)}, from the trades. */
  public static List<BarRow> recomputed(Connection db, long fromMicros, long toMicros, long[] intervalsMillis)
      throws SQLException {
    Long[] boxed = Arrays.stream(intervalsMillis).boxed().toArray(Long[]::new);
    List<BarRow> out = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement(RECOMPUTE)) {
      s.setArray(1, db.createArrayOf("bigint", boxed));
      EventTimes.set(s, 2, fromMicros);
      EventTimes.set(s, 3, toMicros);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(row(r, r.getLong(3), r.getLong(4) * 1000));
        }
      }
    }
    return out;
  }

  /** The stored bars of the same windows. */
  public static List<BarRow> stored(Connection db, long fromMicros, long toMicros, long[] intervalsMillis)
      throws SQLException {
    String[] labels = Arrays.stream(intervalsMillis).mapToObj(Intervals::label).toArray(String[]::new);
    List<BarRow> out = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement(STORED)) {
      Array array = db.createArrayOf("text", labels);
      s.setArray(1, array);
      EventTimes.set(s, 2, fromMicros);
      EventTimes.set(s, 3, toMicros);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(row(r, Intervals.parse(r.getString(3)), EventTimes.get(r, 4)));
        }
      }
    }
    return out;
  }

  /** Both queries return venue, symbol, the window (columns 3 and 4), then the compared fields from column 5. */
  private static BarRow row(ResultSet r, long intervalMillis, long startMicros) throws SQLException {
    return new BarRow(r.getString(1), r.getString(2), intervalMillis, startMicros, r.getDouble(5), r.getDouble(6),
        r.getDouble(7), r.getDouble(8), r.getDouble(9), r.getLong(10));
  }
}
