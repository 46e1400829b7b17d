package io.tickwire.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How far the stored trades and bars reach in event time: what the batch jobs decide what is final from. */
public final class StoredTimes {
  private StoredTimes() {
  }

  /** The newest stored bar's window start (epoch µs), {@link EventTimes#NONE} with no bars. */
  public static long newestBarStart(Connection db) throws SQLException {
    return single(db, "SELECT max(bucket_start) FROM bars_ohlcv", EventTimes.NONE);
  }

  /**
   * The earliest stored trade or bar time at or after {@code fromMicros}, {@link EventTimes#NONE} when there is none:
   * lets a job skip a stretch with no data instead of walking it. Reads only the tail after {@code fromMicros} (BRIN
   * on trades, btree on bars).
   */
  public static long firstStoredFrom(Connection db, long fromMicros) throws SQLException {
    return single(db, "SELECT least((SELECT min(event_ts) FROM trades WHERE event_ts >= ?),"
        + " (SELECT min(bucket_start) FROM bars_ohlcv WHERE bucket_start >= ?))", fromMicros);
  }

  private static long single(Connection db, String sql, long param) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
        EventTimes.set(s, i, param);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return EventTimes.get(r, 1);
      }
    }
  }
}
