package io.tickwire.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinkLagTest {
  @Test
  void queueAgeIsTheLatestBatchsWaitAndZeroOnceTheLinkIsIdle() {
    LinkLag lag = new LinkLag();
    long now = System.currentTimeMillis();
    lag.observe(now - 250, -1);
    assertThat(lag.queueAgeSeconds(now)).isCloseTo(0.25, within(0.05));
    lag.observe(System.currentTimeMillis() - 10, -1);
    assertThat(lag.queueAgeSeconds(now)).isLessThan(0.1);
    assertThat(lag.queueAgeSeconds(now + LinkLag.IDLE_MS + 1_000)).isZero();
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
