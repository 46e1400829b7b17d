package io.tickwire.connector.venue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spreads symbols over connections, each within its capacity, and keeps each symbol where it already is, so a
 * refreshed symbol list moves nothing that stays: only symbols no longer wanted leave, and new ones fill the first
 * connections with room, then new connections up to the limit. What still does not fit is refused, visibly.
 */
final class LanePlan {
  /** Each connection's symbols, by connection index, and the wanted symbols no connection could take. */
  record Assignment(List<Set<String>> lanes, List<String> refused) {
  }

  private LanePlan() {
  }

  /**
   * @param current each connection's symbols now (empty for a connector not yet connected)
   * @param wanted every symbol to subscribe, in order of preference
   */
  static Assignment assign(List<Set<String>> current, List<String> wanted, int firstCapacity, int capacity,
      int maxLanes) {
    Set<String> remaining = new LinkedHashSet<>(wanted);
    List<Set<String>> lanes = new ArrayList<>();
    for (Set<String> lane : current) {
      Set<String> kept = new LinkedHashSet<>();
      for (String symbol : lane) {
        if (remaining.remove(symbol)) {
          kept.add(symbol);
        }
      }
      lanes.add(kept);
    }
    for (int i = 0; i < lanes.size(); i++) {
      fill(lanes.get(i), remaining, capacityOf(i, firstCapacity, capacity));
    }
    while (!remaining.isEmpty() && lanes.size() < maxLanes) {
      Set<String> lane = new LinkedHashSet<>();
      fill(lane, remaining, capacityOf(lanes.size(), firstCapacity, capacity));
      lanes.add(lane);
    }
    return new Assignment(lanes, List.copyOf(remaining));
  }

  private static int capacityOf(int lane, int firstCapacity, int capacity) {
    return lane == 0 ? firstCapacity : capacity;
  }

  private static void fill(Set<String> lane, Set<String> remaining, int capacity) {
    var it = remaining.iterator();
    while (lane.size() < capacity && it.hasNext()) {
      lane.add(it.next());
      it.remove();
    }
  }
}
