package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BatcherSettings;
import io.tickwire.testing.BarAssertions;
import io.tickwire.testing.ReferenceBars;
import io.tickwire.testing.TestStreams;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Calendar windows in a timezone with daylight saving, against windows placed independently with java.time's local
 * date-times: 1d bars in America/New_York across both changes of 2024 are 23 and 25 hours long, 1h and 4h windows
 * restart at each local midnight (or session start), sorted and shuffled within the lateness, and late trades
 * beyond it revise the day bar.
 */
class CalendarWindowsTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final long LATENESS_MS = 2_000;
  private static final long HOUR_MS = 3_600_000L;
  private static final long[] INTERVALS = {HOUR_MS, 4 * HOUR_MS, 24 * HOUR_MS};

  @Test
  void dayBarsInNewYorkAcrossSpringForward() {
    check(LocalDateTime.of(2024, 3, 8, 12, 0), LocalTime.MIDNIGHT, "2024-03-10T00:00", Duration.ofHours(23));
  }

  @Test
  void dayBarsInNewYorkAcrossFallBack() {
    check(LocalDateTime.of(2024, 11, 1, 12, 0), LocalTime.MIDNIGHT, "2024-11-03T00:00", Duration.ofHours(25));
  }

  @Test
  void daysFromASessionStartAcrossFallBack() {
    check(LocalDateTime.of(2024, 11, 1, 12, 0), LocalTime.of(17, 0), "2024-11-02T17:00", Duration.ofHours(25));
  }

  private static void check(LocalDateTime from, LocalTime session, String changeDay, Duration changeLength) {
    long start = micros(from.atZone(NEW_YORK).toInstant());
    List<Trade> sorted = TestStreams.sorted(
        TestStreams.walk("v", "BTC-USD", start, start + 4 * 24 * HOUR_MS * 1000, 30_000_000L, 1, new Random(5)));
    ReferenceBars.Windows windows = (interval, time) -> window(interval, time, session);
    Map<String, ReferenceBars.Expected> expected = ReferenceBars.compute(sorted, windows, INTERVALS);

    long changeStart = micros(LocalDateTime.parse(changeDay).atZone(NEW_YORK).toInstant());
    ReferenceBars.Expected day = expected.get("v|BTC-USD|" + 24 * HOUR_MS + "|" + changeStart);
    assertThat(day).as("the day of the change has a bar").isNotNull();
    assertThat(day.end() - day.start()).as("its length").isEqualTo(changeLength.toNanos() / 1000);

    List<List<Trade>> inputs = List.of(sorted,
        TestStreams.shuffleWithin(sorted, LATENESS_MS * 1000 / 2, new Random(11)));
    for (List<Trade> input : inputs) {
      List<Bar> out = run(input, session, BatcherSettings.LatePolicy.DROP);
      assertThat(out).allSatisfy(b -> assertThat(b.revision()).isZero());
      assertMatches(BarAssertions.latestRevisions(out), expected);
    }
    // Trades up to a minute late: the revision horizon keeps each closed bar revisable that long.
    List<Bar> revised = run(TestStreams.shuffleWithin(sorted, 50_000_000L, new Random(13)), session,
        BatcherSettings.LatePolicy.REVISE);
    assertThat(revised).anyMatch(b -> b.revision() > 0);
    assertMatches(BarAssertions.latestRevisions(revised), expected);
  }

  private static void assertMatches(Map<String, Bar> actual, Map<String, ReferenceBars.Expected> expected) {
    BarAssertions.assertMatches(actual, expected);
    expected.forEach((key, e) -> assertThat(actual.get(key).end()).as(key + " end").isEqualTo(e.end()));
  }

  private static List<Bar> run(List<Trade> trades, LocalTime session, BatcherSettings.LatePolicy late) {
    PartitionWindows windows = new PartitionWindows(new BatcherSettings(INTERVALS, LATENESS_MS, 2_000, late,
        60_000, 1, BatcherSettings.Shapes.DEFAULT.withCalendar(NEW_YORK, session)));
    List<Bar> out = new ArrayList<>();
    for (Trade t : trades) {
      windows.onEvent(t, 0, out);
    }
    windows.flush(out);
    return out;
  }

  /**
   * The window by local date-times: the session day is the local date whose session start is the latest at or
   * before the time; day windows span session start to session start; shorter ones step from the day's start by
   * elapsed time and stop at the next day's.
   */
  private static long[] window(long intervalMillis, long time, LocalTime session) {
    ZonedDateTime at = Instant.ofEpochSecond(0, time * 1000).atZone(NEW_YORK);
    ZonedDateTime dayStart = at.toLocalDate().atTime(session).atZone(NEW_YORK);
    if (dayStart.isAfter(at)) {
      dayStart = at.toLocalDate().minusDays(1).atTime(session).atZone(NEW_YORK);
    }
    ZonedDateTime nextDay = dayStart.toLocalDate().plusDays(1).atTime(session).atZone(NEW_YORK);
    if (intervalMillis == 24 * HOUR_MS) {
      return new long[] {micros(dayStart.toInstant()), micros(nextDay.toInstant())};
    }
    Duration step = Duration.ofMillis(intervalMillis);
    ZonedDateTime w = dayStart;
    while (!w.plus(step).isAfter(at)) {
      w = w.plus(step);
    }
    ZonedDateTime end = w.plus(step).isAfter(nextDay) ? nextDay : w.plus(step);
    return new long[] {micros(w.toInstant()), micros(end.toInstant())};
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }
}
