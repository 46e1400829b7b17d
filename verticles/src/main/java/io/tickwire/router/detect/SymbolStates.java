package io.tickwire.router.detect;

import io.tickwire.flow.LruMap;
import java.util.Collection;

/**
 * Per-symbol detector state for a detector used on its own (tests, replays checked against injected faults): at most
 * {@code maxKeys} symbols, the least recently used dropped first. The router keeps its states with its admission
 * instead, where a new symbol is refused rather than an old one dropped.
 */
public final class SymbolStates {
  private final LruMap<VenueSymbol, SymbolState> states;

  public SymbolStates(int maxKeys) {
    this.states = new LruMap<>(maxKeys);
  }

  public SymbolState of(String venue, String symbol) {
    return states.computeIfAbsent(new VenueSymbol(venue, symbol), k -> new SymbolState(venue, symbol));
  }

  public Collection<SymbolState> all() {
    return states.values();
  }

  public int size() {
    return states.size();
  }

  /** Symbols dropped, least recently used first; each starts afresh if it comes back. */
  public long evictions() {
    return states.evictions();
  }
}
