package io.tickwire.sink;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Trade;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * Trades, idempotent by (venue, symbol, trade_id): a replayed trade is skipped. Prices and sizes travel as text
 * and are cast to {@code numeric} by the server, so they stay exact; times travel as epoch microseconds.
 */
final class TradeRows implements SqlBatch<Trade> {
  @Override
  public String table() {
    return "trades";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO trades (venue, symbol, trade_id, price, size, side, event_ts, ingest_ts, seq)
        SELECT v, s, id, p::numeric, z::numeric, side,
               'epoch'::timestamptz + ets * interval '1 microsecond',
               CASE WHEN its = 0 THEN NULL ELSE 'epoch'::timestamptz + its * interval '1 microsecond' END,
               seq
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int8[], $8::int8[],
                    $9::int8[]) AS u(v, s, id, p, z, side, ets, its, seq)
        ON CONFLICT (venue, symbol, trade_id) DO NOTHING""";
  }

  @Override
  public Tuple params(List<Trade> rows) {
    int n = rows.size();
    String[] venue = new String[n];
    String[] symbol = new String[n];
    String[] id = new String[n];
    String[] price = new String[n];
    String[] size = new String[n];
    String[] side = new String[n];
    Long[] eventTs = new Long[n];
    Long[] ingestTs = new Long[n];
    Long[] seq = new Long[n];
    for (int i = 0; i < n; i++) {
      Trade t = rows.get(i);
      venue[i] = t.venue();
      symbol[i] = t.symbol();
      id[i] = t.tradeId();
      price[i] = Decimals.toString(t.price());
      size[i] = Decimals.toString(t.size());
      side[i] = t.side().wire();
      eventTs[i] = t.eventTime();
      ingestTs[i] = t.ingestTime();
      seq[i] = t.seq();
    }
    return Tuple.tuple().addArrayOfString(venue).addArrayOfString(symbol).addArrayOfString(id)
        .addArrayOfString(price).addArrayOfString(size).addArrayOfString(side).addArrayOfLong(eventTs)
        .addArrayOfLong(ingestTs).addArrayOfLong(seq);
  }
}
