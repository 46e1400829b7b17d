package io.tickwire.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkLagTest {
  @Test
  void queueAgeIsTheLatestBatchsWaitAndZeroOnceTheLinkIsIdle() {
    LinkLag lag = new LinkLag();
    long now = System.currentTimeMillis();
    lag.observe(now - 250, -1);
    // observe reads the clock itself: a loaded machine may add any delay, never less than none
    assertThat(lag.queueAgeSeconds(now)).isBetween(0.25, 0.25 + secondsSince(now));
    long later = System.currentTimeMillis();
    lag.observe(later - 10, -1);
    assertThat(lag.queueAgeSeconds(now)).isBetween(0.01, 0.01 + secondsSince(later));
    assertThat(lag.queueAgeSeconds(now + LinkLag.IDLE_MS + 1_000)).isZero();
  }

  private static double secondsSince(long millis) {
    return (System.currentTimeMillis() - millis) / 1000.0;
  }

  @Test
  void eventTimeLagIsTheClockMinusTheNewestEventTimeSeenAndUnknownBeforeAny() {
    LinkLag lag = new LinkLag();
    assertThat(lag.eventTimeSeconds(1_000_000_000L)).isNaN();
    lag.observe(-1, 997_000_000L);
    lag.observe(-1, 995_000_000L); // an older batch does not move the newest event time back
    assertThat(lag.eventTimeSeconds(1_000_000_000L)).isEqualTo(3.0);
    assertThat(lag.eventTimeSeconds(1_002_000_000L)).as("a silent feed keeps falling behind").isEqualTo(5.0);
    assertThat(lag.queueAgeSeconds()).as("no send time given").isZero();
  }
}
