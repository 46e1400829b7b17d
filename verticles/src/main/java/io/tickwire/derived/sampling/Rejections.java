package io.tickwire.derived.sampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Inputs a derived stream refused, counted by reason. The reasons are a fixed list given up front, so they are safe
 * as metric labels and every one shows in health from the start, at zero. Counted on one event loop, read by the
 * metrics scrape from another.
 */
public final class Rejections {
  private final Map<String, AtomicLong> counts = new LinkedHashMap<>();

  public Rejections(List<String> reasons) {
    for (String reason : reasons) {
      counts.put(reason, new AtomicLong());
    }
  }

  public void count(String reason) {
    AtomicLong count = counts.get(reason);
    if (count == null) {
      throw new IllegalArgumentException("not a listed reason: " + reason + "; listed: " + counts.keySet());
    }
    count.incrementAndGet();
  }

  public long get(String reason) {
    AtomicLong count = counts.get(reason);
    return count == null ? 0 : count.get();
  }

  public List<String> reasons() {
    return List.copyOf(counts.keySet());
  }

  public long total() {
    long total = 0;
    for (AtomicLong count : counts.values()) {
      total += count.get();
    }
    return total;
  }

  /** Every reason's count, keyed {@code rejected_<reason>}, for health. */
  public Map<String, Number> gauges() {
    Map<String, Number> out = new LinkedHashMap<>();
    counts.forEach((reason, count) -> out.put("rejected_" + reason, count.get()));
    return out;
  }
}
