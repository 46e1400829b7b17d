package io.tickwire.router;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The (venue, symbol) keys the router currently admits: at most {@code maxSymbols}, each forgotten once it has gone
 * {@code idleMillis} (wall clock) without an event. A new key finds room only by displacing idle ones; past the cap
 * it is refused.
 *
 * <p>Why refuse rather than evict the least recently used key: every stage after the router keeps state per key, so
 * admitting a new key while all the known ones are live would push a live symbol's windows, books or features out
 * somewhere downstream. Refusing keeps a producer that invents symbols from changing the results of the symbols
 * already flowing; only the newcomers lose, and they are counted. Idle keys are dropped only when room is needed (the
 * oldest is at the head of the access order, so a look at the head settles it), which keeps the hot path to one
 * hash lookup per event.
 *
 * <p>Not thread-safe: the router's event loop owns it; only the eviction count is read from elsewhere (the
 * metrics scrape). Refusals are counted where every rejection is, in {@link DeadLetters}.
 */
final class KnownSymbols {
  private record Key(String venue, String symbol) {
  }

  private final int maxSymbols;
  private final long idleMillis;
  /** Access-ordered: the least recently seen key first. The value is when it was last seen (wall millis). */
  private final LinkedHashMap<Key, long[]> lastSeen = new LinkedHashMap<>(16, 0.75f, true);
  private volatile long evicted;

  KnownSymbols(int maxSymbols, long idleMillis) {
    this.maxSymbols = maxSymbols;
    this.idleMillis = idleMillis;
  }

  /** True when the key may pass: known already, or new and there is (or can be made) room for it. */
  boolean admit(String venue, String symbol, long nowMillis) {
    Key key = new Key(venue, symbol);
    long[] seen = lastSeen.get(key);
    if (seen != null) {
      seen[0] = nowMillis;
      return true;
    }
    if (lastSeen.size() >= maxSymbols) {
      forgetIdle(nowMillis);
    }
    if (lastSeen.size() >= maxSymbols) {
      return false;
    }
    lastSeen.put(key, new long[] {nowMillis});
    return true;
  }

  /** Drops the keys idle for longer than the idle time, oldest first, stopping at the first that is not. */
  void forgetIdle(long nowMillis) {
    for (Iterator<Map.Entry<Key, long[]>> it = lastSeen.entrySet().iterator(); it.hasNext(); ) {
      if (nowMillis - it.next().getValue()[0] <= idleMillis) {
        return;
      }
      it.remove();
      evicted++;
    }
  }

  int size() {
    return lastSeen.size();
  }

  int maxSymbols() {
    return maxSymbols;
  }

  /** Keys forgotten as idle to make room. */
  long evicted() {
    return evicted;
  }
}
