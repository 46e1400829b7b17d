package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.MarketEvent;
import java.util.List;
import java.util.Locale;
import java.util.Collection;

/**
 * Flags a (venue, symbol) that has gone {@code staleAfterMicros} of wall-clock time without an event as
 * {@code stale_feed}, once per silence: the next event re-arms it. The measure is the silence in seconds.
 *
 * <p>Why wall clock: a feed that stops sends no event time to compare with. Why only symbols already seen: the
 * router cannot know what a connector subscribed to, and a symbol that never traded is not a stale feed. The
 * caller skips checks while it is itself held back by back-pressure, when silence is ours, not the feed's.
 * The watch is kept in the symbol's {@link SymbolState}; a forgotten symbol is not watched until it trades again.
 */
public final class StaleFeedDetector {
  private final long staleAfterMicros;

  public StaleFeedDetector(long staleAfterMicros) {
    this.staleAfterMicros = staleAfterMicros;
  }

  /** Notes that {@code event} arrived at {@code nowMicros} (wall clock). */
  public void seen(MarketEvent event, SymbolState state, long nowMicros) {
    state.watched = true;
    state.lastArrivalMicros = nowMicros;
    state.lastEventTime = Math.max(state.lastEventTime, event.eventTime());
    state.staleReported = false;
  }

  /** Adds one anomaly for each watched symbol silent for the threshold and not yet reported; returns how many. */
  public int check(Collection<SymbolState> states, long nowMicros, List<Anomaly> out) {
    int found = 0;
    for (SymbolState state : states) {
      long silent = nowMicros - state.lastArrivalMicros;
      if (state.watched && !state.staleReported && silent >= staleAfterMicros) {
        state.staleReported = true;
        double seconds = silent / 1e6;
        out.add(new Anomaly(state.venue, state.symbol, AnomalyTypes.STALE_FEED, state.lastEventTime,
            "no event for " + String.format(Locale.ROOT, "%.1f", seconds) + " s (last event time is the anomaly's ts)",
            seconds));
        found++;
      }
    }
    return found;
  }
}
