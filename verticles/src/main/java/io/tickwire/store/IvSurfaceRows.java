package io.tickwire.store;

import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.IvSurface;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/** Implied-volatility smiles, idempotent by (underlying, venue, expiry, ts): a replayed snapshot is skipped. */
public final class IvSurfaceRows implements SqlBatch<IvSurface> {
  @Override
  public String table() {
    return "iv_surface";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO iv_surface (underlying, venue, expiry, ts, forward, atm_iv, strikes_seen, strikes_kept,
                                oldest_input_age_ms, smile)
        SELECT u, v, e, t, f, a, ss, sk, o, s::jsonb
        FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::float8[], $6::float8[],
                    $7::int4[], $8::int4[], $9::int8[], $10::text[]) AS x(u, v, e, t, f, a, ss, sk, o, s)
        ON CONFLICT (underlying, venue, expiry, ts) DO NOTHING""";
  }

  @Override
  public Tuple params(List<IvSurface> rows) {
    int n = rows.size();
    String[] underlying = new String[n];
    String[] venue = new String[n];
    OffsetDateTime[] expiry = new OffsetDateTime[n];
    OffsetDateTime[] ts = new OffsetDateTime[n];
    Double[] forward = new Double[n];
    Double[] atm = new Double[n];
    Integer[] seen = new Integer[n];
    Integer[] kept = new Integer[n];
    Long[] oldest = new Long[n];
    String[] smile = new String[n];
    for (int i = 0; i < n; i++) {
      IvSurface s = rows.get(i);
      underlying[i] = s.underlying();
      venue[i] = s.venue();
      expiry[i] = IsoTime.toOffsetDateTime(s.expiry());
      ts[i] = IsoTime.toOffsetDateTime(s.ts());
      forward[i] = s.forward();
      atm[i] = SqlValues.finiteOrNull(s.atmIv());
      seen[i] = s.strikesSeen();
      kept[i] = s.strikesKept();
      oldest[i] = s.oldestInputAgeMs();
      smile[i] = DerivedJson.smile(s.points());
    }
    return Tuple.tuple().addArrayOfString(underlying).addArrayOfString(venue).addArrayOfOffsetDateTime(expiry)
        .addArrayOfOffsetDateTime(ts).addArrayOfDouble(forward).addArrayOfDouble(atm).addArrayOfInteger(seen)
        .addArrayOfInteger(kept).addArrayOfLong(oldest).addArrayOfString(smile);
  }
}
