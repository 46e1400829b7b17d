package io.tickwire.connector.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanePlanTest {
  @Test
  void symbolsFillTheFirstConnectionThenNewOnesUpToTheLimitAndTheRestAreRefused() {
    LanePlan.Assignment plan = LanePlan.assign(List.of(), List.of("a", "b", "c", "d", "e", "f", "g", "h"), 2, 3, 3);

    assertThat(plan.lanes()).containsExactly(Set.of("a", "b"), Set.of("c", "d", "e"), Set.of("f", "g", "h"));
    assertThat(plan.refused()).isEmpty();
    assertThat(LanePlan.assign(List.of(), List.of("a", "b", "c", "d"), 1, 1, 2).refused()).containsExactly("c", "d");
  }

  @Test
  void aRefreshKeepsEverySymbolWhereItIsDropsTheGoneAndFillsTheRoomTheyLeft() {
    List<Set<String>> current = List.of(ordered("a", "b"), ordered("c", "d", "e"));

    LanePlan.Assignment plan = LanePlan.assign(current, List.of("e", "a", "x", "c", "y", "z"), 2, 3, 3);

    assertThat(plan.lanes().get(0)).containsExactly("a", "x");
    assertThat(plan.lanes().get(1)).containsExactly("c", "e", "y");
    assertThat(plan.lanes().get(2)).containsExactly("z");
  }

  @Test
  void anEmptiedConnectionStaysListedSoItsSessionCanBeRetargeted() {
    LanePlan.Assignment plan = LanePlan.assign(List.of(ordered("a"), ordered("b")), List.of("a"), 5, 5, 4);

    assertThat(plan.lanes()).containsExactly(Set.of("a"), Set.of());
  }

  private static Set<String> ordered(String... symbols) {
    return new LinkedHashSet<>(List.of(symbols));
  }
}
