package io.tickwire.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DropOldestQueueTest {
  @Test
  void fullQueueEvictsTheOldestAndCountsIt() {
    DropOldestQueue<String> q = new DropOldestQueue<>(2);
    assertThat(q.offer("a")).isNull();
    assertThat(q.offer("b")).isNull();
    assertThat(q.offer("c")).isEqualTo("a");
    assertThat(q.dropped()).isEqualTo(1);
    assertThat(q.size()).isEqualTo(2);
    assertThat(q.poll()).isEqualTo("b");
    assertThat(q.poll()).isEqualTo("c");
    assertThat(q.poll()).isNull();
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> new DropOldestQueue<>(0)).hasMessageContaining("capacity must be at least 1, was 0");
  }
}
