package io.tickwire.store;

import io.tickwire.codecs.IsoTime;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Reads the completeness ledger for the API through the reactive pool; the same query as {@link CoverageTable}. */
public final class CoverageStore {
  static final String SQL = """
      SELECT venue, symbol, channel, kind, start_ts, end_ts, cause, detail, ongoing, state, recovered, resolution,
             verified
      FROM coverage_segment
      WHERE (end_ts >= $1 OR ongoing) AND start_ts <= $2
        AND ($3::text IS NULL OR venue = $3) AND ($4::text IS NULL OR symbol = $4)
        AND ($5::text IS NULL OR channel = $5)
      ORDER BY venue, symbol, channel, start_ts, kind
      LIMIT $6""";

  private final Pool pool;

  public CoverageStore(Pool pool) {
    this.pool = pool;
  }

  /** As {@link CoverageTable#inRange}. */
  public Future<List<CoverageRow>> inRange(String venue, String symbol, String channel, long from, long to,
      int limit) {
    Tuple params = Tuple.of(IsoTime.toOffsetDateTime(from), IsoTime.toOffsetDateTime(to), venue, symbol, channel,
        (long) limit);
    return pool.preparedQuery(SQL).execute(params).map(rows -> {
      List<CoverageRow> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new CoverageRow(r.getString("venue"), r.getString("symbol"), r.getString("channel"),
            r.getString("kind"), IsoTime.epochMicros(r.getOffsetDateTime("start_ts")),
            IsoTime.epochMicros(r.getOffsetDateTime("end_ts")), r.getString("cause"), r.getString("detail"),
            r.getBoolean("ongoing"), r.getString("state"), r.getLong("recovered"), r.getString("resolution"),
            r.getBoolean("verified")));
      }
      return out;
    });
  }
}
