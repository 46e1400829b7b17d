package io.tickwire.store;

import io.tickwire.codecs.IsoTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Event times (epoch microseconds, as the wire model carries them) in and out of JDBC timestamptz columns. */
public final class EventTimes {
  /** No time: what a query over an empty table gives. */
  public static final long NONE = Long.MIN_VALUE;

  private EventTimes() {
  }

  public static void set(PreparedStatement statement, int index, long epochMicros) throws SQLException {
    statement.setObject(index, IsoTime.toOffsetDateTime(epochMicros));
  }

  /** The column as epoch microseconds, {@link #NONE} when null. */
  public static long get(ResultSet rows, int column) throws SQLException {
    OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
    return time == null ? NONE : IsoTime.epochMicros(time);
  }

  public static long get(ResultSet rows, String column) throws SQLException {
    return get(rows, rows.findColumn(column));
  }
}
