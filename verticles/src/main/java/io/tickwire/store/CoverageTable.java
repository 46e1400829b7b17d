package io.tickwire.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the completeness ledger ({@code coverage_segment}, {@code coverage_heartbeat}) over JDBC, for the
 * ledger's flushes, the API and {@code tickwire coverage}.
 */
public final class CoverageTable {
  /**
   * A segment written again keeps its first cause and detail and only moves its end forward; it stops being ongoing
   * once a version says so, and never becomes ongoing again (a replay of the opening must not reopen a closed hole);
   * a backfilled or unrecoverable state is never turned back to open by a replayed opening.
   */
  static final String UPSERT = """
      INSERT INTO coverage_segment (venue, symbol, channel, kind, start_ts, end_ts, cause, detail, ongoing, state,
                                    recovered, resolution)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (venue, symbol, channel, kind, start_ts) DO UPDATE SET
        end_ts = greatest(coverage_segment.end_ts, excluded.end_ts),
        ongoing = coverage_segment.ongoing AND excluded.ongoing,
        state = CASE WHEN excluded.state = 'open' THEN coverage_segment.state ELSE excluded.state END,
        recovered = greatest(coverage_segment.recovered, excluded.recovered),
        resolution = coalesce(excluded.resolution, coverage_segment.resolution)""";

  static final String IN_RANGE = """
      SELECT venue, symbol, channel, kind, start_ts, end_ts, cause, detail, ongoing, state, recovered, resolution,
             verified
      FROM coverage_segment
      WHERE (end_ts >= ? OR ongoing) AND start_ts <= ?
        AND (?::text IS NULL OR venue = ?) AND (?::text IS NULL OR symbol = ?) AND (?::text IS NULL OR channel = ?)
      ORDER BY venue, symbol, channel, start_ts, kind
      LIMIT ?""";

  static final String NEWEST_COVERED = """
      SELECT DISTINCT ON (venue, symbol, channel) venue, symbol, channel, kind, start_ts, end_ts, cause, detail,
             ongoing, state, recovered, resolution, verified
      FROM coverage_segment
      WHERE kind = 'covered'
      ORDER BY venue, symbol, channel, start_ts DESC""";

  private CoverageTable() {
  }

  public static void upsert(Connection db, List<CoverageRow> rows) throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try (PreparedStatement s = db.prepareStatement(UPSERT)) {
      for (CoverageRow row : rows) {
        s.setString(1, row.venue());
        s.setString(2, row.symbol());
        s.setString(3, row.channel());
        s.setString(4, row.kind());
        EventTimes.set(s, 5, row.from());
        EventTimes.set(s, 6, row.to());
        setText(s, 7, row.cause());
        setText(s, 8, row.detail());
        s.setBoolean(9, row.ongoing());
        setText(s, 10, row.state());
        s.setLong(11, row.recovered());
        setText(s, 12, row.resolution());
        s.addBatch();
      }
      s.executeBatch();
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(auto);
    }
  }

  /**
   * The segments that touch {@code [from, to]} (epoch µs), at most {@code limit}, ordered by stream then start; a
   * null filter matches every value.
   */
  public static List<CoverageRow> inRange(Connection db, String venue, String symbol, String channel, long from,
      long to, int limit) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(IN_RANGE)) {
      EventTimes.set(s, 1, from);
      EventTimes.set(s, 2, to);
      int i = 3;
      for (String filter : new String[] {venue, symbol, channel}) {
        setText(s, i++, filter);
        setText(s, i++, filter);
      }
      s.setInt(i, limit);
      return rows(s);
    }
  }

  /** The newest covered span of every stored stream: where each resumes after downtime. */
  public static List<CoverageRow> newestCovered(Connection db) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(NEWEST_COVERED)) {
      return rows(s);
    }
  }

  /**
   * Marks verified the backfilled trade holes that lie within {@code [from, to)} on a (venue, symbol) not listed in
   * {@code unreconciled} (venue and symbol arrays of the same length): the reconciliation found that range's bars
   * equal to the bars recomputed from the stored trades. Returns how many holes it verified.
   */
  public static int markVerified(Connection db, long from, long to, List<String> unreconciledVenues,
      List<String> unreconciledSymbols) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("""
        UPDATE coverage_segment SET verified = true
        WHERE kind = 'hole' AND channel = 'trades' AND state = 'backfilled' AND NOT verified
          AND start_ts >= ? AND end_ts < ?
          AND NOT EXISTS (SELECT 1 FROM unnest(?::text[], ?::text[]) AS bad(venue, symbol)
                          WHERE bad.venue = coverage_segment.venue AND bad.symbol = coverage_segment.symbol)""")) {
      EventTimes.set(s, 1, from);
      EventTimes.set(s, 2, to);
      s.setArray(3, db.createArrayOf("text", unreconciledVenues.toArray()));
      s.setArray(4, db.createArrayOf("text", unreconciledSymbols.toArray()));
      return s.executeUpdate();
    }
  }

  /** When the ledger {@code ledger} was last seen alive (epoch µs), {@link EventTimes#NONE} if never. */
  public static long aliveAt(Connection db, String ledger) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("SELECT alive_at FROM coverage_heartbeat WHERE ledger = ?")) {
      s.setString(1, ledger);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? EventTimes.get(r, 1) : EventTimes.NONE;
      }
    }
  }

  public static void markAlive(Connection db, String ledger, long nowMicros) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("INSERT INTO coverage_heartbeat (ledger, alive_at) VALUES (?, ?)"
        + " ON CONFLICT (ledger) DO UPDATE SET alive_at = greatest(coverage_heartbeat.alive_at, excluded.alive_at)")) {
      s.setString(1, ledger);
      EventTimes.set(s, 2, nowMicros);
      s.executeUpdate();
    }
  }

  private static List<CoverageRow> rows(PreparedStatement s) throws SQLException {
    List<CoverageRow> out = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(new CoverageRow(r.getString("venue"), r.getString("symbol"), r.getString("channel"),
            r.getString("kind"), EventTimes.get(r, "start_ts"), EventTimes.get(r, "end_ts"), r.getString("cause"),
            r.getString("detail"), r.getBoolean("ongoing"), r.getString("state"), r.getLong("recovered"),
            r.getString("resolution"), r.getBoolean("verified")));
      }
    }
    return out;
  }

  private static void setText(PreparedStatement s, int index, String value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.VARCHAR);
    } else {
      s.setString(index, value);
    }
  }
}
