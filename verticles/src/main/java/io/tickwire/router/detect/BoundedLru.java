package io.tickwire.router.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An access-ordered map that drops its least recently used entry once it holds more than {@code maxEntries}.
 *
 * <p>Why: every detector keeps state per venue or per (venue, symbol), and both come from the feed, so a feed
 * with a runaway symbol set (or an attacker) must not be able to grow detector memory without limit. Losing
 * the state of a long-idle key only means that key starts fresh, which is the safe failure.
 */
final class BoundedLru<K, V> extends LinkedHashMap<K, V> {
  private final int maxEntries;

  BoundedLru(int maxEntries) {
    super(16, 0.75f, true);
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  int maxEntries() {
    return maxEntries;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > maxEntries;
  }
}
