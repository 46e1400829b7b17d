package io.tickwire.jobs.profile;

import io.tickwire.config.Settings;
import io.tickwire.store.EventTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Profiles the stored trades and anomalies of a range, per (venue, symbol), in PostgreSQL (set-based SQL over the
 * range; the BRIN index on trades finds it). Outliers use the router's rule on a coarser window: more than
 * {@code detect.outlier_k} median absolute deviations from the median of the symbol's minute.
 */
public final class DataProfiler {
  private static final String GAPS = """
      WITH t AS (
        SELECT venue, symbol, event_ts,
          event_ts - lag(event_ts) OVER (PARTITION BY venue, symbol ORDER BY event_ts, trade_id) AS gap
        FROM trades WHERE event_ts >= ? AND event_ts < ?)
      SELECT venue, symbol, count(*), min(event_ts), max(event_ts),
        count(*) FILTER (WHERE gap > interval '500 milliseconds'),
        count(*) FILTER (WHERE gap > interval '5 seconds'),
        count(*) FILTER (WHERE gap > interval '30 seconds'),
        coalesce(extract(epoch FROM max(gap)) * 1000, 0)::float8
      FROM t GROUP BY venue, symbol""";

  private static final String DUPLICATES = """
      SELECT venue, symbol, sum(n - 1) FROM (
        SELECT venue, symbol, count(*) AS n FROM trades WHERE event_ts >= ? AND event_ts < ?
        GROUP BY venue, symbol, event_ts, price, size, side HAVING count(*) > 1) d
      GROUP BY venue, symbol""";

  private static final String OUTLIERS = """
      WITH t AS (
        SELECT venue, symbol, price, date_trunc('minute', event_ts) AS m FROM trades
        WHERE event_ts >= ? AND event_ts < ?),
      med AS (
        SELECT venue, symbol, m, percentile_cont(0.5) WITHIN GROUP (ORDER BY price) AS med FROM t
        GROUP BY venue, symbol, m),
      mad AS (
        SELECT t.venue, t.symbol, t.m, med.med,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(t.price - med.med)) AS mad
        FROM t JOIN med USING (venue, symbol, m) GROUP BY t.venue, t.symbol, t.m, med.med)
      SELECT t.venue, t.symbol, count(*) FROM t JOIN mad USING (venue, symbol, m)
      WHERE mad.mad > 0 AND abs(t.price - mad.med) > ? * mad.mad GROUP BY t.venue, t.symbol""";

  /** Arrival order is ingest time, then the router's sequence (trades of one batch share an ingest time). */
  private static final String LATE = """
      SELECT venue, symbol, count(*) FILTER (WHERE behind > ? * interval '1 millisecond') FROM (
        SELECT venue, symbol, max(event_ts) OVER (PARTITION BY venue, symbol ORDER BY ingest_ts, seq
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) - event_ts AS behind
        FROM trades WHERE event_ts >= ? AND event_ts < ?) b
      GROUP BY venue, symbol""";

  private static final String ANOMALIES = """
      SELECT venue, symbol, type, count(*) FROM anomalies WHERE ts >= ? AND ts < ? GROUP BY venue, symbol, type""";

  private final double outlierK;
  private final long latenessMs;

  public DataProfiler(Settings settings) {
    this.outlierK = settings.detect().outlierK();
    this.latenessMs = settings.batcher().allowedLatenessMs();
  }

  /** Profiles keyed by {@code venue|symbol}, in that order. */
  public Map<String, SymbolProfile> profile(Connection db, long fromMicros, long toMicros) throws SQLException {
    Map<String, SymbolProfile> out = new TreeMap<>();
    try (PreparedStatement s = range(db, GAPS, fromMicros, toMicros, 1); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        SymbolProfile p = of(out, r);
        p.trades = r.getLong(3);
        p.firstMicros = EventTimes.get(r, 4);
        p.lastMicros = EventTimes.get(r, 5);
        p.gaps500ms = r.getLong(6);
        p.gaps5s = r.getLong(7);
        p.gaps30s = r.getLong(8);
        p.longestGapMs = r.getDouble(9);
      }
    }
    countPerSymbol(db, DUPLICATES, fromMicros, toMicros, out, (p, n) -> p.duplicates = n);
    try (PreparedStatement s = range(db, OUTLIERS, fromMicros, toMicros, 1)) {
      s.setDouble(3, outlierK);
      read(s, out, (p, n) -> p.outliers = n);
    }
    try (PreparedStatement s = range(db, LATE, fromMicros, toMicros, 2)) {
      s.setLong(1, latenessMs);
      read(s, out, (p, n) -> p.late = n);
    }
    try (PreparedStatement s = range(db, ANOMALIES, fromMicros, toMicros, 1); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        of(out, r).anomalies.put(r.getString(3), r.getLong(4));
      }
    }
    return out;
  }

  private interface Setter {
    void set(SymbolProfile profile, long count);
  }

  private static void countPerSymbol(Connection db, String sql, long from, long to, Map<String, SymbolProfile> out,
      Setter setter) throws SQLException {
    try (PreparedStatement s = range(db, sql, from, to, 1)) {
      read(s, out, setter);
    }
  }

  /** Reads (venue, symbol, count) rows into the profiles. */
  private static void read(PreparedStatement s, Map<String, SymbolProfile> out, Setter setter) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        setter.set(of(out, r), r.getLong(3));
      }
    }
  }

  /** The statement with the range bound at parameters {@code first} and {@code first + 1}. */
  private static PreparedStatement range(Connection db, String sql, long from, long to, int first)
      throws SQLException {
    PreparedStatement s = db.prepareStatement(sql);
    EventTimes.set(s, first, from);
    EventTimes.set(s, first + 1, to);
    return s;
  }

  private static SymbolProfile of(Map<String, SymbolProfile> out, ResultSet r) throws SQLException {
    String venue = r.getString(1);
    String symbol = r.getString(2);
    return out.computeIfAbsent(venue + "|" + symbol, k -> new SymbolProfile(venue, symbol));
  }
}
