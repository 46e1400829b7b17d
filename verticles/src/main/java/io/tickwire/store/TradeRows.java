package io.tickwire.store;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.Trade;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Trades, idempotent by (venue, symbol, trade_id): a replayed trade is skipped, and so is a backfilled copy of a
 * stored one (the row keeps the provenance it was first stored with). Prices and sizes travel as text
 * and are cast to {@code numeric} by the server, so they stay exact; times travel as binary timestamps, which
 * cost the server nothing to parse.
 */
public final class TradeRows implements SqlBatch<Trade> {
  @Override
  public String table() {
    return "trades";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO trades (venue, symbol, trade_id, price, size, side, event_ts, ingest_ts, seq, backfill)
        SELECT v, s, id, p::numeric, z::numeric, side, ets, its, seq, bf
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                    $8::timestamptz[], $9::int8[], $10::bool[]) AS u(v, s, id, p, z, side, ets, its, seq, bf)
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
    OffsetDateTime[] eventTs = new OffsetDateTime[n];
    OffsetDateTime[] ingestTs = new OffsetDateTime[n];
    Long[] seq = new Long[n];
    Boolean[] backfill = new Boolean[n];
    for (int i = 0; i < n; i++) {
      Trade t = rows.get(i);
      venue[i] = t.venue();
      symbol[i] = t.symbol();
      id[i] = t.tradeId();
      price[i] = Decimals.toString(t.price());
      size[i] = Decimals.toString(t.size());
      side[i] = t.side().wire();
      eventTs[i] = IsoTime.toOffsetDateTime(t.eventTime());
      ingestTs[i] = t.ingestTime() == 0 ? null : IsoTime.toOffsetDateTime(t.ingestTime());
      seq[i] = t.seq();
      backfill[i] = t.backfill();
    }
    return Tuple.tuple().addArrayOfString(venue).addArrayOfString(symbol).addArrayOfString(id)
        .addArrayOfString(price).addArrayOfString(size).addArrayOfString(side).addArrayOfOffsetDateTime(eventTs)
        .addArrayOfOffsetDateTime(ingestTs).addArrayOfLong(seq).addArrayOfBoolean(backfill);
  }
}
