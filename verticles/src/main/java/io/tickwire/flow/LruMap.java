package io.tickwire.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An access-ordered map that drops its least recently used entry once it holds more than {@code maxEntries},
 * counting every entry it drops.
 *
 * <p>Why: keys such as venues and symbols come from the feed, so a producer inventing them (a bug or an attacker)
 * must not be able to grow a stage's memory without limit. Each stage sizes its map by {@code router.max_symbols},
 * the most keys the router lets through at once, so in normal operation the entry dropped is one the router has
 * already forgotten as idle; the count shows when that stops being true.
 *
 * <p>Not thread-safe, like the {@link LinkedHashMap} it is: each stage owns its maps on its own event loop.
 */
public final class LruMap<K, V> extends LinkedHashMap<K, V> {
  private final int maxEntries;
  private long evictions;

  public LruMap(int maxEntries) {
    super(16, 0.75f, true);
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  public int maxEntries() {
    return maxEntries;
  }

  /** Entries dropped so far to stay within {@link #maxEntries}. */
  public long evictions() {
    return evictions;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    if (size() <= maxEntries) {
      return false;
    }
    evictions++;
    return true;
  }
}
