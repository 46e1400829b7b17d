package io.tickwire.store;

import io.tickwire.codecs.InfoBar;
import io.tickwire.codecs.IsoTime;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

/**
 * Information-driven bars, inserted once by (venue, symbol, series, bar_start, first_trade_id): a bar is final when
 * emitted (never revised), so a replay of the same bar touches nothing.
 */
public final class InfoBarRows implements SqlBatch<InfoBar> {
  @Override
  public String table() {
    return "info_bars";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO info_bars (venue, symbol, series, bar_start, first_trade_id, bar_end, open, high, low, close,
                               volume, notional, trades)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::timestamptz[],
                             $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::float8[],
                             $13::int8[])
        ON CONFLICT (venue, symbol, series, bar_start, first_trade_id) DO NOTHING""";
  }

  /** One row per key: an insert may not name the same row twice in one statement. */
  @Override
  public List<InfoBar> prepare(List<InfoBar> rows) {
    Map<String, InfoBar> unique = new LinkedHashMap<>();
    for (InfoBar bar : rows) {
      unique.putIfAbsent(bar.venue() + '|' + bar.symbol() + '|' + bar.series() + '|' + bar.start() + '|'
          + bar.firstTradeId(), bar);
    }
    return unique.size() == rows.size() ? rows : new ArrayList<>(unique.values());
  }

  @Override
  public Tuple params(List<InfoBar> rows) {
    int n = rows.size();
    String[][] texts = new String[4][n];
    OffsetDateTime[] start = new OffsetDateTime[n];
    OffsetDateTime[] end = new OffsetDateTime[n];
    Double[][] values = new Double[6][n];
    Long[] trades = new Long[n];
    for (int i = 0; i < n; i++) {
      InfoBar b = rows.get(i);
      texts[0][i] = b.venue();
      texts[1][i] = b.symbol();
      texts[2][i] = b.series();
      texts[3][i] = b.firstTradeId();
      start[i] = IsoTime.toOffsetDateTime(b.start());
      end[i] = IsoTime.toOffsetDateTime(b.end());
      values[0][i] = b.open();
      values[1][i] = b.high();
      values[2][i] = b.low();
      values[3][i] = b.close();
      values[4][i] = b.volume();
      values[5][i] = b.notional();
      trades[i] = b.trades();
    }
    Tuple tuple = Tuple.tuple().addArrayOfString(texts[0]).addArrayOfString(texts[1]).addArrayOfString(texts[2])
        .addArrayOfOffsetDateTime(start).addArrayOfString(texts[3]).addArrayOfOffsetDateTime(end);
    for (Double[] column : values) {
      tuple.addArrayOfDouble(column);
    }
    return tuple.addArrayOfLong(trades);
  }
}
