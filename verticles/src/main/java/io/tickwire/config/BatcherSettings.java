package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Windowing in the batchers ({@code batcher.*}). {@code intervalsMillis} is sorted ascending and free of
 * duplicates. {@code empty} says what a window without trades gives; {@code timezone} and {@code sessionStart} align
 * the intervals of whole hours (see {@link #calendar(long)}).
 */
public record BatcherSettings(long[] intervalsMillis, long allowedLatenessMs, long idleTimeoutMs,
    LatePolicy latePolicy, long revisionHorizonMs, int instances, EmptyPolicy empty, long emptyMaxMs,
    ZoneId timezone, LocalTime sessionStart) {

  /** What happens to an event whose window has already closed. */
  public enum LatePolicy {
    REVISE, DROP
  }

  /** What a window without trades gives: nothing, a bar at the previous close, or a bar without prices. */
  public enum EmptyPolicy {
    SKIP, FLAT, NONE
  }

  /** The defaults of the bar shapes: no filled bars, windows aligned to UTC midnight. */
  public BatcherSettings(long[] intervalsMillis, long allowedLatenessMs, long idleTimeoutMs, LatePolicy latePolicy,
      long revisionHorizonMs, int instances) {
    this(intervalsMillis, allowedLatenessMs, idleTimeoutMs, latePolicy, revisionHorizonMs, instances,
        EmptyPolicy.SKIP, 15 * 60_000L, ZoneOffset.UTC, LocalTime.MIDNIGHT);
  }

  static BatcherSettings from(ConfigReader r) {
    return new BatcherSettings(
        intervals(r),
        r.integer("batcher.allowed_lateness_ms", 0, HOUR_MS),
        r.integer("batcher.idle_timeout_ms", 1, HOUR_MS),
        LatePolicy.valueOf(r.oneOf("batcher.late_policy", "revise", "drop").toUpperCase(Locale.ROOT)),
        r.integer("batcher.revision_horizon_ms", 0, 24 * HOUR_MS),
        (int) r.integer("batcher.instances", 1, 256),
        EmptyPolicy.valueOf(r.oneOf("batcher.empty", "skip", "flat", "none").toUpperCase(Locale.ROOT)),
        r.integer("batcher.empty_max_ms", 0, 7 * 24 * HOUR_MS),
        zone(r, "batcher.timezone"),
        sessionStart(r, "batcher.session_start"));
  }

  /** The bar intervals in milliseconds, ascending: also what the features section checks its base interval against. */
  static long[] intervals(ConfigReader r) {
    return WindowIntervals.barList(r, "batcher.intervals");
  }

  /**
   * Whether windows of this interval follow the calendar of {@link #timezone} from {@link #sessionStart}: every
   * interval of whole hours does unless the calendar is plain UTC midnight, where the epoch grid is the same.
   */
  public boolean calendar(long intervalMillis) {
    return intervalMillis % HOUR_MS == 0
        && !(timezone.normalized().equals(ZoneOffset.UTC) && sessionStart.equals(LocalTime.MIDNIGHT));
  }

  private static ZoneId zone(ConfigReader r, String key) {
    String text = r.string(key);
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw ConfigReader.invalid(key, text, "a timezone id such as UTC or America/New_York");
    }
  }

  private static LocalTime sessionStart(ConfigReader r, String key) {
    String text = r.string(key);
    try {
      LocalTime time = LocalTime.parse(text);
      if (time.getSecond() != 0 || time.getNano() != 0) {
        throw ConfigReader.invalid(key, text, "a local time of day in whole minutes, HH:mm");
      }
      return time;
    } catch (DateTimeParseException e) {
      throw ConfigReader.invalid(key, text, "a local time of day in whole minutes, HH:mm such as 00:00 or 17:00");
    }
  }
}
