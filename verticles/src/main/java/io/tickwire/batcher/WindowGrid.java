package io.tickwire.batcher;

import io.tickwire.config.BatcherSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Where the windows of one interval lie: {@link #locate} finds the window {@code [start, end)} (epoch microseconds)
 * holding a time. Windows tile time, so the window after one ending at {@code e} is the one holding {@code e}.
 *
 * <p>The epoch grid is {@code [k * interval, (k + 1) * interval)}. The calendar grid, for intervals of whole hours
 * in a configured timezone, starts each day at the session start in local time, so a day lasts 23, 24 or 25 hours
 * across daylight-saving changes: a window of whole days runs from one session start to the one {@code n} days
 * later (days counted from 1970-01-01); a shorter window runs its interval of elapsed time from the day's start, the
 * day's last window ending early at the next day's start (on a 25-hour day, 4h windows give six of four hours and
 * one of one hour). A session start inside a daylight-saving gap moves forward by the gap, as {@link ZonedDateTime}
 * resolves it.
 *
 * <p>The last window found is kept, so the usual case, a trade in the same window as the one before, costs two
 * comparisons. Not thread-safe: one per {@link PartitionWindows}.
 */
abstract class WindowGrid {
  long start;
  long end;

  /** Sets {@link #start} and {@link #end} to the window holding {@code time}. */
  final void locate(long time) {
    if (time < start || time >= end) {
      find(time);
    }
  }

  abstract void find(long time);

  static WindowGrid of(BatcherSettings settings, long intervalMillis) {
    return settings.calendar(intervalMillis)
        ? new Calendar(intervalMillis, settings.shapes().timezone(), settings.shapes().sessionStart())
        : new Epoch(intervalMillis);
  }

  private static final class Epoch extends WindowGrid {
    private final long micros;

    Epoch(long intervalMillis) {
      this.micros = intervalMillis * 1000;
    }

    @Override
    void find(long time) {
      start = Math.floorDiv(time, micros) * micros;
      end = start + micros;
    }
  }

  private static final class Calendar extends WindowGrid {
    private static final long DAY_MICROS = 86_400_000_000L;
    private final long micros;
    private final ZoneId zone;
    private final LocalTime sessionStart;

    Calendar(long intervalMillis, ZoneId zone, LocalTime sessionStart) {
      this.micros = intervalMillis * 1000;
      this.zone = zone;
      this.sessionStart = sessionStart;
    }

    @Override
    void find(long time) {
      long day = sessionDay(time);
      if (micros % DAY_MICROS == 0) {
        long days = micros / DAY_MICROS;
        long first = Math.floorDiv(day, days) * days;
        start = dayStart(first);
        end = dayStart(first + days);
      } else {
        long dayStart = dayStart(day);
        long dayEnd = dayStart(day + 1);
        start = dayStart + Math.floorDiv(time - dayStart, micros) * micros;
        end = Math.min(start + micros, dayEnd);
      }
    }

    /** The epoch day of the session holding {@code time}: its local date, or the day before if before its start. */
    private long sessionDay(long time) {
      Instant instant = Instant.ofEpochSecond(Math.floorDiv(time, 1_000_000L));
      long day = instant.atZone(zone).toLocalDate().toEpochDay();
      if (time < dayStart(day)) {
        day--;
      } else if (time >= dayStart(day + 1)) {
        day++;
      }
      return day;
    }

    /** The instant, epoch microseconds, at which the session of {@code epochDay} starts. */
    private long dayStart(long epochDay) {
      return ZonedDateTime.of(LocalDate.ofEpochDay(epochDay), sessionStart, zone).toEpochSecond() * 1_000_000L;
    }
  }
}
