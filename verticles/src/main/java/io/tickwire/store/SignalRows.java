package io.tickwire.store;

import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.JsonValues;
import io.tickwire.codecs.Signal;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/** Signals, idempotent by (symbol, name, ts, provider): a replayed signal is skipped. */
public final class SignalRows implements SqlBatch<Signal> {
  @Override
  public String table() {
    return "signals";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO signals (symbol, name, ts, provider, value, score, meta)
        SELECT s, n, t, p, v, sc, m::jsonb
        FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::float8[], $6::float8[], $7::text[])
             AS u(s, n, t, p, v, sc, m)
        ON CONFLICT (symbol, name, ts, provider) DO NOTHING""";
  }

  @Override
  public Tuple params(List<Signal> rows) {
    int n = rows.size();
    String[] symbol = new String[n];
    String[] name = new String[n];
    OffsetDateTime[] ts = new OffsetDateTime[n];
    String[] provider = new String[n];
    Double[] value = new Double[n];
    Double[] score = new Double[n];
    String[] meta = new String[n];
    for (int i = 0; i < n; i++) {
      Signal s = rows.get(i);
      symbol[i] = s.symbol();
      name[i] = s.name();
      ts[i] = IsoTime.toOffsetDateTime(s.ts());
      provider[i] = s.provider();
      value[i] = SqlValues.finiteOrNull(s.value());
      score[i] = SqlValues.finiteOrNull(s.score());
      meta[i] = JsonValues.toJson(s.meta());
    }
    return Tuple.tuple().addArrayOfString(symbol).addArrayOfString(name).addArrayOfOffsetDateTime(ts)
        .addArrayOfString(provider).addArrayOfDouble(value).addArrayOfDouble(score).addArrayOfString(meta);
  }
}
