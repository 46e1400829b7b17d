package io.tickwire.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The data-quality queries over a range of stored trades and anomalies, per (venue, symbol): set-based SQL over the
 * range, which the BRIN index on trades finds. Outliers use the router's rule on a coarser window: more than
 * {@code k} median absolute deviations from the median of the symbol's minute.
 */
public final class ProfileQueries {
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

  /** Trade count, span and gaps of one (venue, symbol). */
  public record Span(String venue, String symbol, long trades, long firstMicros, long lastMicros, long gaps500ms,
      long gaps5s, long gaps30s, double longestGapMs) {
  }

  /** A count of one (venue, symbol). */
  public record Count(String venue, String symbol, long count) {
  }

  /** A count of one (venue, symbol) and anomaly type. */
  public record TypeCount(String venue, String symbol, String type, long count) {
  }

  private ProfileQueries() {
  }

  public static List<Span> spans(Connection db, long fromMicros, long toMicros) throws SQLException {
    List<Span> out = new ArrayList<>();
    try (PreparedStatement s = range(db, GAPS, fromMicros, toMicros, 1); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(new Span(r.getString(1), r.getString(2), r.getLong(3), EventTimes.get(r, 4), EventTimes.get(r, 5),
            r.getLong(6), r.getLong(7), r.getLong(8), r.getDouble(9)));
      }
    }
    return out;
  }

  /** Trades with the same time, price, size and side as another under a different trade id. */
  public static List<Count> duplicates(Connection db, long fromMicros, long toMicros) throws SQLException {
    try (PreparedStatement s = range(db, DUPLICATES, fromMicros, toMicros, 1)) {
      return counts(s);
    }
  }

  /** Trades more than {@code k} median absolute deviations from the median of their minute. */
  public static List<Count> outliers(Connection db, long fromMicros, long toMicros, double k) throws SQLException {
    try (PreparedStatement s = range(db, OUTLIERS, fromMicros, toMicros, 1)) {
      s.setDouble(3, k);
      return counts(s);
    }
  }

  /** Trades behind the newest earlier-received trade by more than {@code latenessMs}. */
  public static List<Count> late(Connection db, long fromMicros, long toMicros, long latenessMs) throws SQLException {
    try (PreparedStatement s = range(db, LATE, fromMicros, toMicros, 2)) {
      s.setLong(1, latenessMs);
      return counts(s);
    }
  }

  /** Stored anomalies by type. */
  public static List<TypeCount> anomalies(Connection db, long fromMicros, long toMicros) throws SQLException {
    List<TypeCount> out = new ArrayList<>();
    try (PreparedStatement s = range(db, ANOMALIES, fromMicros, toMicros, 1); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(new TypeCount(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
      }
    }
    return out;
  }

  /** Reads (venue, symbol, count) rows. */
  private static List<Count> counts(PreparedStatement s) throws SQLException {
    List<Count> out = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(new Count(r.getString(1), r.getString(2), r.getLong(3)));
      }
    }
    return out;
  }

  /** The statement with the range bound at parameters {@code first} and {@code first + 1}. */
  private static PreparedStatement range(Connection db, String sql, long from, long to, int first)
      throws SQLException {
    PreparedStatement s = db.prepareStatement(sql);
    EventTimes.set(s, first, from);
    EventTimes.set(s, first + 1, to);
    return s;
  }
}
