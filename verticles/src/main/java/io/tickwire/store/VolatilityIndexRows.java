package io.tickwire.store;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.VolatilityIndex;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/** Volatility index values, idempotent by (venue, symbol, event_ts); the value exact, as text cast to numeric. */
public final class VolatilityIndexRows implements SqlBatch<VolatilityIndex> {
  @Override
  public String table() {
    return "volatility_index";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO volatility_index (venue, symbol, event_ts, value, ingest_ts, seq)
        SELECT v, s, ets, x::numeric, its, seq
        FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[], $6::int8[])
             AS u(v, s, ets, x, its, seq)
        ON CONFLICT (venue, symbol, event_ts) DO NOTHING""";
  }

  @Override
  public Tuple params(List<VolatilityIndex> rows) {
    int n = rows.size();
    String[] venue = new String[n];
    String[] symbol = new String[n];
    OffsetDateTime[] eventTs = new OffsetDateTime[n];
    String[] value = new String[n];
    OffsetDateTime[] ingestTs = new OffsetDateTime[n];
    Long[] seq = new Long[n];
    for (int i = 0; i < n; i++) {
      VolatilityIndex v = rows.get(i);
      venue[i] = v.venue();
      symbol[i] = v.symbol();
      eventTs[i] = IsoTime.toOffsetDateTime(v.eventTime());
      value[i] = Decimals.toString(v.value());
      ingestTs[i] = v.ingestTime() == 0 ? null : IsoTime.toOffsetDateTime(v.ingestTime());
      seq[i] = v.seq();
    }
    return Tuple.tuple().addArrayOfString(venue).addArrayOfString(symbol).addArrayOfOffsetDateTime(eventTs)
        .addArrayOfString(value).addArrayOfOffsetDateTime(ingestTs).addArrayOfLong(seq);
  }
}
