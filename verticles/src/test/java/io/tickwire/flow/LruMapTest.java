package io.tickwire.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LruMapTest {
  @Test
  void dropsTheLeastRecentlyUsedPastTheCapAndCountsEachDrop() {
    LruMap<String, Integer> map = new LruMap<>(3);
    map.put("a", 1);
    map.put("b", 2);
    map.put("c", 3);
    map.get("a"); // a is now the most recently used
    map.put("d", 4);
    map.put("e", 5);

    assertThat(map).hasSize(3).containsOnlyKeys("a", "d", "e");
    assertThat(map.evictions()).isEqualTo(2);
  }

  @Test
  void updatingAKnownKeyNeverEvicts() {
    LruMap<String, Integer> map = new LruMap<>(2);
    map.put("a", 1);
    map.put("b", 2);
    for (int i = 0; i < 100; i++) {
      map.put("a", i);
      map.merge("b", 1, Integer::sum);
    }
    assertThat(map).hasSize(2);
    assertThat(map.evictions()).isZero();
  }
}
