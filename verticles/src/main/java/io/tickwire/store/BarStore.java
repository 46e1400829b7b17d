package io.tickwire.store;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Intervals;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads bars from {@code bars_ohlcv}, newest first, through the reactive pool (never blocking an event loop). */
public final class BarStore {
  /**
   * One statement for every combination of filters: the time bounds are always given (defaults span the whole
   * accepted range) so the (symbol, interval, bucket_start DESC) index serves both the range and the order, and
   * the optional venue is a NULL-tolerant filter. The trailing venue keeps same-time bars of several venues in
   * a stable order across requests.
   */
  static final String SQL = """
      SELECT venue, symbol, bucket_start, open, high, low, close, volume, vwap, trades, revision, bucket_end, filled
      FROM bars_ohlcv
      WHERE symbol = $1 AND interval = $2 AND bucket_start >= $3 AND bucket_start < $4
        AND ($5::text IS NULL OR venue = $5)
      ORDER BY bucket_start DESC, venue
      LIMIT $6""";

  /** The newest stored window with trades of a series in a range: where resampling's windows end. */
  static final String NEWEST = """
      SELECT max(bucket_start) AS newest FROM bars_ohlcv
      WHERE symbol = $1 AND interval = $2 AND bucket_start >= $3 AND bucket_start < $4
        AND ($5::text IS NULL OR venue = $5) AND NOT filled""";

  /**
   * Stored bars with trades regrouped into epoch-aligned windows of {@code $6} milliseconds: open of the first,
   * close of the last, extremes, summed volume and trades, the volume-weighted VWAP, the highest revision.
   */
  static final String RESAMPLE = """
      SELECT venue, symbol,
        date_bin($6::bigint * interval '1 millisecond', bucket_start, timestamptz '1970-01-01 00:00:00+00') AS w,
        (array_agg(open ORDER BY bucket_start))[1] AS open, max(high) AS high, min(low) AS low,
        (array_agg(close ORDER BY bucket_start DESC))[1] AS close, sum(volume) AS volume,
        sum(vwap * volume) / nullif(sum(volume), 0) AS vwap, sum(trades)::int8 AS trades, max(revision) AS revision
      FROM bars_ohlcv
      WHERE symbol = $1 AND interval = $2 AND bucket_start >= $3 AND bucket_start < $4
        AND ($5::text IS NULL OR venue = $5) AND NOT filled
      GROUP BY venue, symbol, w""";

  private final Pool pool;

  public BarStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Up to {@code limit} bars of one series starting in {@code [from, to)} (epoch µs), newest first; {@code venue}
   * null for every venue.
   */
  public Future<List<Bar>> find(String symbol, String venue, long intervalMillis, long from, long to, int limit) {
    Tuple params = Tuple.of(symbol, Intervals.label(intervalMillis), timestamp(from), timestamp(to), venue,
        (long) limit);
    return pool.preparedQuery(SQL).execute(params).map(rows -> bars(rows, intervalMillis));
  }

  /**
   * Bars of {@code sourceMillis} resampled into {@code targetMillis} windows (epoch-aligned, {@code from} and
   * {@code to} rounded out to whole windows): the newest {@code limit} windows up to the one holding the newest
   * stored bar with trades, empty windows filled by {@code fill} as the batcher would (at most
   * {@code maxGapMicros} after a window with trades, so that much more is read before the first window shown),
   * newest first. Filled stored bars are not read: each empty
   * target window is filled afresh.
   */
  public Future<List<Bar>> resample(String symbol, String venue, long sourceMillis, long targetMillis, long from,
      long to, int limit, String fill, long maxGapMicros) {
    long step = targetMillis * 1000;
    long fromAligned = Math.floorDiv(from, step) * step;
    long toAligned = Math.floorDiv(to - 1, step) * step + step;
    String source = Intervals.label(sourceMillis);
    return pool.preparedQuery(NEWEST).execute(Tuple.of(symbol, source, timestamp(fromAligned), timestamp(toAligned),
        venue)).compose(newest -> {
          OffsetDateTime last = newest.iterator().next().getOffsetDateTime("newest");
          if (last == null) {
            return Future.succeededFuture(List.of());
          }
          long until = Math.floorDiv(epochMicros(last), step) * step + step;
          long lo = until - (long) limit * step;
          if (!fill.equals("SKIP")) { // the window with trades before the first one shown may be what fills it
            lo -= Math.floorDiv(maxGapMicros + step - 1, step) * step;
          }
          lo = Math.max(fromAligned, lo);
          Tuple params = Tuple.of(symbol, source, timestamp(lo), timestamp(until), venue, targetMillis);
          return pool.preparedQuery(RESAMPLE).execute(params).map(rows -> ResampledBars.fill(
              resampled(rows, targetMillis), ResampledBars.Fill.valueOf(fill), targetMillis, until, maxGapMicros,
              limit));
        });
  }

  private static List<Bar> resampled(RowSet<Row> rows, long targetMillis) {
    List<Bar> bars = new ArrayList<>(rows.size());
    for (Row row : rows) {
      long start = epochMicros(row.getOffsetDateTime("w"));
      bars.add(new Bar(row.getString("venue"), row.getString("symbol"), targetMillis, start, price(row, "open"),
          price(row, "high"), price(row, "low"), price(row, "close"), row.getDouble("volume"), price(row, "vwap"),
          row.getLong("trades"), row.getInteger("revision")));
    }
    return bars;
  }

  private static List<Bar> bars(RowSet<Row> rows, long intervalMillis) {
    List<Bar> bars = new ArrayList<>(rows.size());
    for (Row row : rows) {
      long start = epochMicros(row.getOffsetDateTime("bucket_start"));
      OffsetDateTime end = row.getOffsetDateTime("bucket_end"); // null on rows stored before bars carried it
      bars.add(new Bar(row.getString("venue"), row.getString("symbol"), intervalMillis, start,
          price(row, "open"), price(row, "high"), price(row, "low"), price(row, "close"), row.getDouble("volume"),
          price(row, "vwap"), row.getLong("trades"), row.getInteger("revision"),
          end == null ? start + intervalMillis * 1000L : epochMicros(end), row.getBoolean("filled")));
    }
    return bars;
  }

  /** A filled bar under the none policy has no prices: NULL, read back as NaN (null again in JSON). */
  private static double price(Row row, String column) {
    Double value = row.getDouble(column);
    return value == null ? Double.NaN : value;
  }

  /** PostgreSQL keeps microseconds; so does this (nanoseconds would overflow a long past year 2262). */
  static OffsetDateTime timestamp(long epochMicros) {
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
        Math.floorMod(epochMicros, 1_000_000L) * 1000L);
    return instant.atOffset(ZoneOffset.UTC);
  }

  static long epochMicros(OffsetDateTime time) {
    Instant instant = time.toInstant();
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }
}
