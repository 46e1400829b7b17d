package io.tickwire.store;

import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.IvSurface;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads implied-volatility smiles from {@code iv_surface}: an underlying's smiles at its newest snapshot time at or
 * before a given time, one per (venue, expiry), optionally narrowed to a venue and an expiry range. Every expiry of
 * an underlying on a venue is snapshotted at the same times, so the newest snapshot time holds its whole surface.
 */
public final class IvSurfaceStore {
  static final String SQL = """
      SELECT underlying, venue, expiry, ts, forward, atm_iv, strikes_seen, strikes_kept, oldest_input_age_ms,
             smile::text AS smile
      FROM iv_surface
      WHERE underlying = $1 AND ($2::text IS NULL OR venue = $2) AND expiry >= $3 AND expiry < $4
        AND ts = (SELECT max(ts) FROM iv_surface
                  WHERE underlying = $1 AND ($2::text IS NULL OR venue = $2) AND expiry >= $3 AND expiry < $4
                    AND ts <= $5)
      ORDER BY venue, expiry""";

  private final Pool pool;

  public IvSurfaceStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * The smiles of {@code underlying} at its newest snapshot time at or before {@code at} (epoch µs), with an expiry
   * in {@code [expiryFrom, expiryTo)}; {@code venue} null for every venue.
   */
  public Future<List<IvSurface>> newest(String underlying, String venue, long expiryFrom, long expiryTo, long at) {
    Tuple params = Tuple.of(underlying, venue, IsoTime.toOffsetDateTime(expiryFrom),
        IsoTime.toOffsetDateTime(expiryTo), IsoTime.toOffsetDateTime(at));
    return pool.preparedQuery(SQL).execute(params).map(IvSurfaceStore::surfaces);
  }

  private static List<IvSurface> surfaces(RowSet<Row> rows) {
    List<IvSurface> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(new IvSurface(row.getString("venue"), row.getString("underlying"),
          IsoTime.epochMicros(row.getOffsetDateTime("expiry")), IsoTime.epochMicros(row.getOffsetDateTime("ts")),
          row.getDouble("forward"), SpotMidStore.orNaN(row.getDouble("atm_iv")), row.getInteger("strikes_seen"),
          row.getInteger("strikes_kept"), row.getLong("oldest_input_age_ms"),
          DerivedJson.readSmile(row.getString("smile"))));
    }
    return out;
  }
}
