package io.tickwire.router;

import io.tickwire.router.detect.SymbolState;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;

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
 * hash lookup per event. That lookup also finds the symbol's {@link SymbolState}, so the detectors need none of
 * their own, and a symbol's detector state goes when the symbol is forgotten.
 *
 * <p>Not thread-safe: the router's event loop owns it; only the eviction count is read from elsewhere (the
 * metrics scrape). Refusals are counted where every rejection is, in {@link DeadLetters}.
 */
// Public, with admit, for the bench module's RouterBenchmark, which measures admission and detection together.
public final class KnownSymbols {
  private record Key(String venue, String symbol) {
  }

  private final int maxSymbols;
  private final long idleMillis;
  /** Access-ordered: the least recently seen key first. */
  private final LinkedHashMap<Key, SymbolState> states = new LinkedHashMap<>(16, 0.75f, true);
  private volatile long evicted;

  public KnownSymbols(int maxSymbols, long idleMillis) {
    this.maxSymbols = maxSymbols;
    this.idleMillis = idleMillis;
  }

  /** The key's state when it is known already (which counts as seeing it), else null. */
  public SymbolState find(String venue, String symbol) {
    return states.get(new Key(venue, symbol));
  }

  /**
   * The key's state when it may pass: known already, or new and there is (or can be made) room for it; null when it
   * is refused.
   */
  public SymbolState admit(String venue, String symbol, long nowMillis) {
    Key key = new Key(venue, symbol);
    SymbolState state = states.get(key);
    if (state == null) {
      if (states.size() >= maxSymbols) {
        forgetIdle(nowMillis);
      }
      if (states.size() >= maxSymbols) {
        return null;
      }
      state = new SymbolState(venue, symbol);
      states.put(key, state);
    }
    state.touch(nowMillis);
    return state;
  }

  /** Drops the keys idle for longer than the idle time, oldest first, stopping at the first that is not. */
  void forgetIdle(long nowMillis) {
    for (Iterator<SymbolState> it = states.values().iterator(); it.hasNext(); ) {
      if (nowMillis - it.next().lastSeenMillis() <= idleMillis) {
        return;
      }
      it.remove();
      evicted++;
    }
  }

  /** The admitted symbols' states, least recently seen first; iterating does not count as seeing. */
  Collection<SymbolState> states() {
    return states.values();
  }

  int size() {
    return states.size();
  }

  int maxSymbols() {
    return maxSymbols;
  }

  /** Keys forgotten as idle to make room. */
  long evicted() {
    return evicted;
  }
}
