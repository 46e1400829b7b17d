package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.MarketEvent;
import java.util.List;

/**
 * Flags an event whose event time is older than the newest already seen for its (venue, symbol) as
 * {@code out_of_order}, with how far behind it is in milliseconds. Equal times are in order.
 *
 * <p>Why: bars accept late events only within the allowed lateness, so lateness must be measured per symbol
 * against the high-water mark rather than against the previous event. Only the high-water mark is kept, one long in
 * the symbol's {@link SymbolState}; a symbol forgotten and seen again starts a new high-water mark.
 */
public final class OrderDetector {
  /** True (and one anomaly added to {@code out}) when {@code event} is older than the newest for its symbol. */
  public boolean isOutOfOrder(MarketEvent event, SymbolState state, List<Anomaly> out) {
    if (event.eventTime() >= state.newestEventTime) {
      state.newestEventTime = event.eventTime();
      return false;
    }
    long behind = state.newestEventTime - event.eventTime();
    double behindMs = behind / 1000.0;
    out.add(new Anomaly(event.venue(), event.symbol(), AnomalyTypes.OUT_OF_ORDER, event.eventTime(),
        "event time " + behindMs + " ms older than the newest seen for " + event.symbol(), behindMs));
    return true;
  }
}
