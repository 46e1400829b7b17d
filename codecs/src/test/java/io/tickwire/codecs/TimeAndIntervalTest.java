package io.tickwire.codecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimeAndIntervalTest {
  @Test
  void formatsWithMicrosecondsAndParsesBack() {
    long micros = 1_714_564_800_123_456L;
    assertThat(IsoTime.format(micros)).isEqualTo("2024-05-01T12:00:00.123456Z");
    assertThat(IsoTime.parse("2024-05-01T12:00:00.123456Z")).isEqualTo(micros);
    assertThat(IsoTime.format(0)).isEqualTo("1970-01-01T00:00:00.000000Z");
  }

  @Test
  void preEpochTimesRoundTrip() {
    long micros = -1L; // one microsecond before the epoch
    assertThat(IsoTime.format(micros)).isEqualTo("1969-12-31T23:59:59.999999Z");
    assertThat(IsoTime.parse(IsoTime.format(micros))).isEqualTo(micros);
    long moonLanding = IsoTime.parse("1969-07-20T20:17:40.5Z");
    assertThat(IsoTime.format(moonLanding)).isEqualTo("1969-07-20T20:17:40.500000Z");
  }

  @Test
  void leapDayRoundTripsAndMatchesJavaTime() {
    long leap = IsoTime.parse("2024-02-29T23:59:59.999999Z");
    assertThat(IsoTime.format(leap)).isEqualTo("2024-02-29T23:59:59.999999Z");
    assertThat(IsoTime.format(IsoTime.parse("2000-02-29T00:00:00Z"))).isEqualTo("2000-02-29T00:00:00.000000Z");
    for (long s = -5_000_000_000L; s < 5_000_000_000L; s += 86_399_999L) {
      assertThat(IsoTime.format(s * 1_000_000L).substring(0, 19)).isEqualTo(Instant.ofEpochSecond(s).toString()
          .substring(0, 19));
    }
  }

  @Test
  void offsetsAreConvertedToUtcAndGarbageRejected() {
    assertThat(IsoTime.parse("2024-05-01T14:00:00+02:00")).isEqualTo(IsoTime.parse("2024-05-01T12:00:00Z"));
    assertThatThrownBy(() -> IsoTime.parse("2024-13-01T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void yearsBeyondFourDigitsUseTheExtendedForm() {
    long micros = IsoTime.parse("+10000-01-01T00:00:00Z");
    assertThat(IsoTime.format(micros)).isEqualTo("+10000-01-01T00:00:00.000000Z");
    assertThat(IsoTime.parse(IsoTime.format(micros))).isEqualTo(micros);
  }

  @Test
  void intervalLabelsAndParsing() {
    assertThat(Intervals.label(1000)).isEqualTo("1s");
    assertThat(Intervals.label(10_000)).isEqualTo("10s");
    assertThat(Intervals.label(60_000)).isEqualTo("1m");
    assertThat(Intervals.label(250)).isEqualTo("250ms");
    assertThat(Intervals.label(90_000)).isEqualTo("90s");
    assertThat(Intervals.label(86_400_000)).isEqualTo("1d");
    assertThat(Intervals.parse("1s")).isEqualTo(1000);
    assertThat(Intervals.parse("10s")).isEqualTo(10_000);
    assertThat(Intervals.parse("1m")).isEqualTo(60_000);
    assertThat(Intervals.parse("250ms")).isEqualTo(250);
    for (long ms : new long[] {1, 250, 1000, 10_000, 60_000, 300_000, 3_600_000, 86_400_000}) {
      assertThat(Intervals.parse(Intervals.label(ms))).isEqualTo(ms);
    }
  }

  @Test
  void badIntervalsAreRejected() {
    for (String bad : new String[] {"", "s", "1x", "0s", "1.5m", "999999999999d"}) {
      assertThatThrownBy(() -> Intervals.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("interval");
    }
  }
}
