package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Windowing in the batchers ({@code batcher.*}). {@code intervalsMillis} is sorted ascending and free of
 * duplicates. {@code shapes} are the bar shapes beyond epoch-aligned windows with trades.
 */
public record BatcherSettings(long[] intervalsMillis, long allowedLatenessMs, long idleTimeoutMs,
    LatePolicy latePolicy, long revisionHorizonMs, int instances, Shapes shapes) {

  /**
   * {@code empty} says what a window without trades gives, for the intervals in {@code emptyIntervals} (null: every
   * interval; the others skip), filled bars stopping {@code emptyMaxMs} after a symbol's last bar with trades; {@code timezone} and {@code sessionStart} align the intervals of whole hours (see
   * {@link #calendar(long)}); {@code infoBars} are the information-driven series, their trades held in event-time
   * order at most {@code infoMaxPending} per partition.
   */
  public record Shapes(EmptyPolicy empty, long[] emptyIntervals, long emptyMaxMs, ZoneId timezone,
      LocalTime sessionStart, List<InfoBarSpec> infoBars, int infoMaxPending) {

    /** Today's defaults: no filled bars, windows aligned to UTC midnight, no information bars. */
    public static final Shapes DEFAULT =
        new Shapes(EmptyPolicy.SKIP, null, 15 * 60_000L, ZoneOffset.UTC, LocalTime.MIDNIGHT, List.of(), 100_000);

    public Shapes {
      infoBars = List.copyOf(infoBars);
      emptyIntervals = emptyIntervals == null ? null : emptyIntervals.clone();
    }

    /** The empty-window policy of one interval: {@link #empty} if it is one of {@code emptyIntervals}, else skip. */
    public EmptyPolicy emptyFor(long intervalMillis) {
      if (emptyIntervals == null) {
        return empty;
      }
      for (long listed : emptyIntervals) {
        if (listed == intervalMillis) {
          return empty;
        }
      }
      return EmptyPolicy.SKIP;
    }

    public Shapes withEmpty(EmptyPolicy policy, long maxMs) {
      return new Shapes(policy, emptyIntervals, maxMs, timezone, sessionStart, infoBars, infoMaxPending);
    }

    public Shapes withEmptyIntervals(long... intervalsMillis) {
      return new Shapes(empty, intervalsMillis, emptyMaxMs, timezone, sessionStart, infoBars, infoMaxPending);
    }

    public Shapes withCalendar(ZoneId zone, LocalTime start) {
      return new Shapes(empty, emptyIntervals, emptyMaxMs, zone, start, infoBars, infoMaxPending);
    }

    public Shapes withInfoBars(List<InfoBarSpec> specs) {
      return new Shapes(empty, emptyIntervals, emptyMaxMs, timezone, sessionStart, specs, infoMaxPending);
    }
  }

  /** What happens to an event whose window has already closed. */
  public enum LatePolicy {
    REVISE, DROP
  }

  /** What a window without trades gives: nothing, a bar at the previous close, or a bar without prices. */
  public enum EmptyPolicy {
    SKIP, FLAT, NONE
  }

  /** Windows with the default shapes ({@link Shapes#DEFAULT}). */
  public BatcherSettings(long[] intervalsMillis, long allowedLatenessMs, long idleTimeoutMs, LatePolicy latePolicy,
      long revisionHorizonMs, int instances) {
    this(intervalsMillis, allowedLatenessMs, idleTimeoutMs, latePolicy, revisionHorizonMs, instances,
        Shapes.DEFAULT);
  }

  static BatcherSettings from(ConfigReader r) {
    long[] intervals = intervals(r);
    return new BatcherSettings(
        intervals,
        r.integer("batcher.allowed_lateness_ms", 0, HOUR_MS),
        r.integer("batcher.idle_timeout_ms", 1, HOUR_MS),
        LatePolicy.valueOf(r.oneOf("batcher.late_policy", "revise", "drop").toUpperCase(Locale.ROOT)),
        r.integer("batcher.revision_horizon_ms", 0, 24 * HOUR_MS),
        (int) r.integer("batcher.instances", 1, 256),
        new Shapes(
            EmptyPolicy.valueOf(r.oneOf("batcher.empty", "skip", "flat", "none").toUpperCase(Locale.ROOT)),
            emptyIntervals(r, "batcher.empty_intervals", intervals),
            r.integer("batcher.empty_max_ms", 0, 7 * 24 * HOUR_MS),
            zone(r, "batcher.timezone"),
            sessionStart(r, "batcher.session_start"),
            infoBars(r, "batcher.info_bars"),
            (int) r.integer("batcher.info_max_pending", 1, 10_000_000)));
  }

  /** Null (every interval) or some of the bar intervals. */
  private static long[] emptyIntervals(ConfigReader r, String key, long[] intervals) {
    if (r.isNull(key)) {
      return null;
    }
    long[] listed = WindowIntervals.barList(r, key);
    for (long millis : listed) {
      if (java.util.Arrays.stream(intervals).noneMatch(i -> i == millis)) {
        throw ConfigReader.invalid(key, r.raw(key), "some of batcher.intervals (or null for all of them)");
      }
    }
    return listed;
  }

  private static List<InfoBarSpec> infoBars(ConfigReader r, String key) {
    List<String> texts = r.stringListOrEmpty(key);
    if (texts.size() > 64) {
      throw ConfigReader.invalid(key, texts, "at most 64 information-bar series");
    }
    List<InfoBarSpec> specs = new ArrayList<>();
    for (String text : texts) {
      try {
        specs.add(InfoBarSpec.parse(text));
      } catch (IllegalArgumentException e) {
        throw ConfigReader.invalid(key, text, "kind:threshold[@symbols] such as volume:5@BTC-* (" + e.getMessage()
            + ")");
      }
    }
    return specs;
  }

  /** The bar intervals in milliseconds, ascending: also what the features section checks its base interval against. */
  static long[] intervals(ConfigReader r) {
    return WindowIntervals.barList(r, "batcher.intervals");
  }

  /**
   * Whether windows of this interval follow the calendar of the configured timezone from its session start: every
   * interval of whole hours does unless the calendar is plain UTC midnight, where the epoch grid is the same.
   */
  public boolean calendar(long intervalMillis) {
    return intervalMillis % HOUR_MS == 0
        && !(shapes.timezone().normalized().equals(ZoneOffset.UTC) && shapes.sessionStart().equals(LocalTime.MIDNIGHT));
  }

  private static ZoneId zone(ConfigReader r, String key) {
    String text = r.string(key);
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw ConfigReader.invalid(key, text, "a timezone id such as UTC or America/New_York");
    }
  }

  /**
   * {@code HH:mm}. An unquoted {@code 17:00} in YAML (the file or {@code --set}) is a YAML 1.1 base-60 number, 1020:
   * an integer is therefore read as minutes since midnight, which is what that number is.
   */
  private static LocalTime sessionStart(ConfigReader r, String key) {
    if (r.raw(key) instanceof Number minutes) {
      long m = minutes.longValue();
      if (minutes.doubleValue() != m || m < 0 || m >= 24 * 60) {
        throw ConfigReader.invalid(key, r.raw(key), "a local time of day in whole minutes, \"HH:mm\" such as"
            + " \"17:00\" (quote it in YAML)");
      }
      return LocalTime.of((int) (m / 60), (int) (m % 60));
    }
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
