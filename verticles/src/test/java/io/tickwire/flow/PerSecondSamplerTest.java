package io.tickwire.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PerSecondSamplerTest {
  @Test
  void admitsTheBudgetEachSecondAndNothingMore() {
    AtomicLong nowMs = new AtomicLong(5_000);
    PerSecondSampler sampler = new PerSecondSampler(2, nowMs::get);
    assertThat(sampler.admit()).isTrue();
    assertThat(sampler.admit()).isTrue();
    assertThat(sampler.admit()).isFalse();
    nowMs.addAndGet(999);
    assertThat(sampler.admit()).isFalse();
    nowMs.addAndGet(1);
    assertThat(sampler.admit()).isTrue();
  }
}
