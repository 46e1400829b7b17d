package io.tickwire.store;

import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.SpotMid;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Reads consolidated spot mids from {@code spot_mid}, newest first, through the reactive pool. */
public final class SpotMidStore {
  /** The time bounds are always given (defaults span the accepted range), so the primary key serves range and order. */
  static final String SQL = """
      SELECT asset, ts, mid, quality, fresh_venues, dispersion_bps, venues::text AS venues, perp_mark, basis,
             basis_bps, funding_rate
      FROM spot_mid
      WHERE asset = $1 AND ts >= $2 AND ts < $3
      ORDER BY ts DESC
      LIMIT $4""";

  private final Pool pool;

  public SpotMidStore(Pool pool) {
    this.pool = pool;
  }

  /** Up to {@code limit} samples of {@code asset} taken in {@code [from, to)} (epoch µs), newest first. */
  public Future<List<SpotMid>> find(String asset, long from, long to, int limit) {
    Tuple params = Tuple.of(asset, IsoTime.toOffsetDateTime(from), IsoTime.toOffsetDateTime(to), (long) limit);
    return pool.preparedQuery(SQL).execute(params).map(SpotMidStore::samples);
  }

  private static List<SpotMid> samples(RowSet<Row> rows) {
    List<SpotMid> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(new SpotMid(row.getString("asset"), IsoTime.epochMicros(row.getOffsetDateTime("ts")),
          orNaN(row.getDouble("mid")), row.getString("quality"), row.getInteger("fresh_venues"),
          orNaN(row.getDouble("dispersion_bps")), DerivedJson.readVenues(row.getString("venues")),
          orNaN(row.getDouble("perp_mark")), orNaN(row.getDouble("basis")), orNaN(row.getDouble("basis_bps")),
          orNaN(row.getDouble("funding_rate"))));
    }
    return out;
  }

  /** NULL is how a value that could not be had was stored (see {@link SqlValues#finiteOrNull}). */
  static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
