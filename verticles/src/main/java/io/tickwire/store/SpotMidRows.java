package io.tickwire.store;

import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.SpotMid;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/** Consolidated spot mids, idempotent by (asset, ts): a replayed sample is skipped. */
public final class SpotMidRows implements SqlBatch<SpotMid> {
  @Override
  public String table() {
    return "spot_mid";
  }

  @Override
  public String sql() {
    return """
        INSERT INTO spot_mid (asset, ts, mid, quality, fresh_venues, dispersion_bps, venues, perp_mark, basis,
                              basis_bps, funding_rate)
        SELECT a, t, m, q, f, d, v::jsonb, pm, b, bb, fr
        FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::text[], $5::int4[], $6::float8[], $7::text[],
                    $8::float8[], $9::float8[], $10::float8[], $11::float8[]) AS u(a, t, m, q, f, d, v, pm, b, bb, fr)
        ON CONFLICT (asset, ts) DO NOTHING""";
  }

  @Override
  public Tuple params(List<SpotMid> rows) {
    int n = rows.size();
    String[] asset = new String[n];
    OffsetDateTime[] ts = new OffsetDateTime[n];
    Double[] mid = new Double[n];
    String[] quality = new String[n];
    Integer[] fresh = new Integer[n];
    Double[] dispersion = new Double[n];
    String[] venues = new String[n];
    Double[] perpMark = new Double[n];
    Double[] basis = new Double[n];
    Double[] basisBps = new Double[n];
    Double[] funding = new Double[n];
    for (int i = 0; i < n; i++) {
      SpotMid s = rows.get(i);
      asset[i] = s.asset();
      ts[i] = IsoTime.toOffsetDateTime(s.ts());
      mid[i] = SqlValues.finiteOrNull(s.mid());
      quality[i] = s.quality();
      fresh[i] = s.freshVenues();
      dispersion[i] = SqlValues.finiteOrNull(s.dispersionBps());
      venues[i] = DerivedJson.venues(s.venues());
      perpMark[i] = SqlValues.finiteOrNull(s.perpMark());
      basis[i] = SqlValues.finiteOrNull(s.basis());
      basisBps[i] = SqlValues.finiteOrNull(s.basisBps());
      funding[i] = SqlValues.finiteOrNull(s.fundingRate());
    }
    return Tuple.tuple().addArrayOfString(asset).addArrayOfOffsetDateTime(ts).addArrayOfDouble(mid)
        .addArrayOfString(quality).addArrayOfInteger(fresh).addArrayOfDouble(dispersion).addArrayOfString(venues)
        .addArrayOfDouble(perpMark).addArrayOfDouble(basis).addArrayOfDouble(basisBps).addArrayOfDouble(funding);
  }
}
