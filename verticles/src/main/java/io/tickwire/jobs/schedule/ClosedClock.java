package io.tickwire.jobs.schedule;

import io.tickwire.config.Settings;
import io.tickwire.store.EventTimes;
import io.tickwire.store.StoredTimes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * How far stored event time is final, for the batch jobs (archive, reconciliation). The newest stored bar says how
 * far the batchers' watermarks have got (a bar is stored once its window closed), on the wall clock or in a replay
 * alike; behind it, a late trade can still revise a bar for the allowed lateness plus the revision horizon, and
 * the sink needs a moment to commit ({@code batch.grace_ms}). Capped by the wall clock, so one trade with a
 * future timestamp cannot declare the present final.
 */
public final class ClosedClock {
  private final long settleMicros;
  private final LongSupplier wallMillis;
  /** A time the user declared final ({@code tickwire archive --until}), or {@link EventTimes#NONE}. */
  private final long declaredMicros;

  public ClosedClock(Settings settings, LongSupplier wallMillis) {
    this(settings, wallMillis, EventTimes.NONE);
  }

  private ClosedClock(Settings settings, LongSupplier wallMillis, long declaredMicros) {
    this.settleMicros = (settings.batcher().allowedLatenessMs() + settings.batcher().revisionHorizonMs()
        + settings.batch().graceMs()) * 1000;
    this.wallMillis = wallMillis;
    this.declaredMicros = declaredMicros;
  }

  /**
   * Event time before {@code untilMicros} taken as final whatever is stored: for a backfill after the pipeline has
   * stopped, when no newer bar will ever come to move the clock past the last minutes.
   */
  public static ClosedClock declared(Settings settings, long untilMicros) {
    return new ClosedClock(settings, System::currentTimeMillis, untilMicros);
  }

  /** True for a time the user declared final. */
  public boolean declared() {
    return declaredMicros != EventTimes.NONE;
  }

  /** Event time (epoch µs) before which nothing stored can change any more; {@link EventTimes#NONE} with no bars. */
  public long closedUntil(Connection db) throws SQLException {
    if (declaredMicros != EventTimes.NONE) {
      return declaredMicros;
    }
    long newest = StoredTimes.newestBarStart(db);
    if (newest == EventTimes.NONE) {
      return EventTimes.NONE;
    }
    return Math.min(newest, wallMillis.getAsLong() * 1000) - settleMicros;
  }
}
