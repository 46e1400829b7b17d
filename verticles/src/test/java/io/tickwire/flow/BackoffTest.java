package io.tickwire.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesFromTheFirstDelayUpToTheCapWithoutOverflow() {
    assertThat(Backoff.delayMs(1, 50, 5_000)).isEqualTo(50);
    assertThat(Backoff.delayMs(2, 50, 5_000)).isEqualTo(100);
    assertThat(Backoff.delayMs(7, 50, 5_000)).isEqualTo(3_200);
    assertThat(Backoff.delayMs(8, 50, 5_000)).isEqualTo(5_000);
    assertThat(Backoff.delayMs(1_000_000, 50, 5_000)).as("huge attempt counts stay capped").isEqualTo(5_000);
  }
}
