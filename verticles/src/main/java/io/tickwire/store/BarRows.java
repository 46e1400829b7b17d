package io.tickwire.store;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.IsoTime;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bars, upserted by (venue, symbol, interval, bucket_start). A newer or equal revision with different values
 * updates the row; an identical replay matches the {@code IS DISTINCT FROM} guard and touches nothing (not even
 * {@code updated_at}); an older revision never overwrites a newer one. A filled bar's missing prices (NaN, the
 * {@code none} policy) are stored as NULL.
 */
public final class BarRows implements SqlBatch<Bar> {
  @Override
  public String table() {
    return "bars_ohlcv";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO bars_ohlcv AS b (venue, symbol, interval, bucket_start, open, high, low, close, volume, vwap,
                                     trades, revision, bucket_end, filled, updated_at)
        SELECT v, s, i, st, o, h, l, c, vol, vw, n, rev, en, f, now()
        FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::float8[], $6::float8[], $7::float8[],
                    $8::float8[], $9::float8[], $10::float8[], $11::int8[], $12::int4[], $13::timestamptz[],
                    $14::bool[])
             AS u(v, s, i, st, o, h, l, c, vol, vw, n, rev, en, f)
        ON CONFLICT (venue, symbol, interval, bucket_start) DO UPDATE
          SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
              volume = EXCLUDED.volume, vwap = EXCLUDED.vwap, trades = EXCLUDED.trades,
              revision = EXCLUDED.revision, bucket_end = EXCLUDED.bucket_end, filled = EXCLUDED.filled,
              updated_at = now()
          WHERE EXCLUDED.revision >= b.revision
            AND (b.open, b.high, b.low, b.close, b.volume, b.vwap, b.trades, b.bucket_end, b.filled)
                IS DISTINCT FROM
                (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume, EXCLUDED.vwap,
                 EXCLUDED.trades, EXCLUDED.bucket_end, EXCLUDED.filled)""";
  }

  /** One row per key, the newest revision: an upsert may not touch the same row twice in one statement. */
  @Override
  public List<Bar> prepare(List<Bar> rows) {
    Map<String, Bar> latest = new LinkedHashMap<>();
    for (Bar bar : rows) {
      String key = bar.venue() + '|' + bar.symbol() + '|' + bar.intervalMillis() + '|' + bar.start();
      latest.merge(key, bar, (a, b) -> b.revision() >= a.revision() ? b : a);
    }
    return latest.size() == rows.size() ? rows : new ArrayList<>(latest.values());
  }

  @Override
  public Tuple params(List<Bar> rows) {
    int n = rows.size();
    String[] venue = new String[n];
    String[] symbol = new String[n];
    String[] interval = new String[n];
    OffsetDateTime[] start = new OffsetDateTime[n];
    Double[][] prices = new Double[6][n];
    Long[] trades = new Long[n];
    Integer[] revision = new Integer[n];
    OffsetDateTime[] end = new OffsetDateTime[n];
    Boolean[] filled = new Boolean[n];
    for (int i = 0; i < n; i++) {
      Bar b = rows.get(i);
      venue[i] = b.venue();
      symbol[i] = b.symbol();
      interval[i] = b.interval();
      start[i] = IsoTime.toOffsetDateTime(b.start());
      prices[0][i] = orNull(b.open());
      prices[1][i] = orNull(b.high());
      prices[2][i] = orNull(b.low());
      prices[3][i] = orNull(b.close());
      prices[4][i] = b.volume();
      prices[5][i] = orNull(b.vwap());
      trades[i] = b.trades();
      revision[i] = b.revision();
      end[i] = IsoTime.toOffsetDateTime(b.end());
      filled[i] = b.filled();
    }
    Tuple tuple = Tuple.tuple().addArrayOfString(venue).addArrayOfString(symbol).addArrayOfString(interval)
        .addArrayOfOffsetDateTime(start);
    for (Double[] column : prices) {
      tuple.addArrayOfDouble(column);
    }
    return tuple.addArrayOfLong(trades).addArrayOfInteger(revision).addArrayOfOffsetDateTime(end)
        .addArrayOfBoolean(filled);
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
