package io.tickwire.sink;

import io.tickwire.codecs.Signal;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Signals, idempotent by (symbol, name, ts): a replayed signal is skipped. */
final class SignalRows implements SqlBatch<Signal> {
  @Override
  public String table() {
    return "signals";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO signals (symbol, name, ts, provider, value, score, meta)
        SELECT s, n, 'epoch'::timestamptz + t * interval '1 microsecond', p, v, sc, m::jsonb
        FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::float8[], $6::float8[], $7::text[])
             AS u(s, n, t, p, v, sc, m)
        ON CONFLICT (symbol, name, ts) DO NOTHING""";
  }

  @Override
  public Tuple params(List<Signal> rows) {
    int n = rows.size();
    String[] symbol = new String[n];
    String[] name = new String[n];
    Long[] ts = new Long[n];
    String[] provider = new String[n];
    Double[] value = new Double[n];
    Double[] score = new Double[n];
    String[] meta = new String[n];
    for (int i = 0; i < n; i++) {
      Signal s = rows.get(i);
      symbol[i] = s.symbol();
      name[i] = s.name();
      ts[i] = s.ts();
      provider[i] = s.provider();
      value[i] = finiteOrNull(s.value());
      score[i] = finiteOrNull(s.score());
      meta[i] = new JsonObject(new java.util.HashMap<>(s.meta())).encode();
    }
    return Tuple.tuple().addArrayOfString(symbol).addArrayOfString(name).addArrayOfLong(ts)
        .addArrayOfString(provider).addArrayOfDouble(value).addArrayOfDouble(score).addArrayOfString(meta);
  }

  static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
