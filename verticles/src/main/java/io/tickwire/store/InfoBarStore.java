package io.tickwire.store;

import io.tickwire.codecs.InfoBar;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Reads information-driven bars from {@code info_bars}, newest first, through the reactive pool. */
public final class InfoBarStore {
  /** As {@link BarStore#SQL}: the (symbol, series, bar_start DESC) index serves range and order. */
  static final String SQL = """
      SELECT venue, symbol, bar_start, bar_end, open, high, low, close, volume, notional, trades, first_trade_id
      FROM info_bars
      WHERE symbol = $1 AND series = $2 AND bar_start >= $3 AND bar_start < $4
        AND ($5::text IS NULL OR venue = $5)
      ORDER BY bar_start DESC, venue, first_trade_id DESC
      LIMIT $6""";

  private final Pool pool;

  public InfoBarStore(Pool pool) {
    this.pool = pool;
  }

  /** Up to {@code limit} bars of one series starting in {@code [from, to)} (epoch µs), newest first. */
  public Future<List<InfoBar>> find(String symbol, String venue, InfoBar.Kind kind, double threshold, long from,
      long to, int limit) {
    String series = kind.label() + ":" + InfoBar.Thresholds.label(threshold);
    Tuple params = Tuple.of(symbol, series, BarStore.timestamp(from), BarStore.timestamp(to), venue, (long) limit);
    return pool.preparedQuery(SQL).execute(params).map(rows -> {
      List<InfoBar> bars = new ArrayList<>(rows.size());
      for (Row row : rows) {
        bars.add(new InfoBar(row.getString("venue"), row.getString("symbol"), kind, threshold,
            BarStore.epochMicros(row.getOffsetDateTime("bar_start")),
            BarStore.epochMicros(row.getOffsetDateTime("bar_end")), row.getDouble("open"), row.getDouble("high"),
            row.getDouble("low"), row.getDouble("close"), row.getDouble("volume"), row.getDouble("notional"),
            row.getLong("trades"), row.getString("first_trade_id")));
      }
      return bars;
    });
  }
}
