package io.tickwire.store;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.IsoTime;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/** Anomalies, idempotent by (venue, symbol, type, ts). */
public final class AnomalyRows implements SqlBatch<Anomaly> {
  @Override
  public String table() {
    return "anomalies";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO anomalies (venue, symbol, type, ts, detail, measure)
        SELECT v, s, ty, t, d, m
        FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::float8[])
             AS u(v, s, ty, t, d, m)
        ON CONFLICT (venue, symbol, type, ts) DO NOTHING""";
  }

  @Override
  public Tuple params(List<Anomaly> rows) {
    int n = rows.size();
    String[] venue = new String[n];
    String[] symbol = new String[n];
    String[] type = new String[n];
    OffsetDateTime[] ts = new OffsetDateTime[n];
    String[] detail = new String[n];
    Double[] measure = new Double[n];
    for (int i = 0; i < n; i++) {
      Anomaly a = rows.get(i);
      venue[i] = a.venue();
      symbol[i] = a.symbol();
      type[i] = a.type();
      ts[i] = IsoTime.toOffsetDateTime(a.ts());
      detail[i] = a.detail();
      measure[i] = SqlValues.finiteOrNull(a.measure());
    }
    return Tuple.tuple().addArrayOfString(venue).addArrayOfString(symbol).addArrayOfString(type)
        .addArrayOfOffsetDateTime(ts).addArrayOfString(detail).addArrayOfDouble(measure);
  }
}
