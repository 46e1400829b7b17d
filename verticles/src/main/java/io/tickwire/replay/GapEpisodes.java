package io.tickwire.replay;

import java.util.HashMap;
import java.util.Map;

/**
 * Ground truth for {@code sequence_gap}: counts the gap episodes the injector made, in input order. An episode is
 * a maximal run of dropped trades of one (venue, symbol) between two trades of it the detector will see: kept,
 * not drifted, with numeric ids. Drifted lines never reach the detector, so they neither end nor split a run; a
 * run before the first visible trade of its key is no gap at all, because the detector has no id to compare to.
 *
 * <p>Exact only without shuffle: reordered ids jump forward too (and some dropped runs are then hidden behind a
 * later id), so with a shuffle window the detector counts gaps this does not.
 */
final class GapEpisodes {
  private enum State { UNSEEN, SEEN, DROPPING }

  private final Map<String, State> byKey = new HashMap<>();
  private long episodes;

  /** A trade with a numeric id was dropped. */
  void dropped(EventLine trade) {
    byKey.computeIfPresent(trade.venueSymbol(), (k, state) -> State.DROPPING);
  }

  /** A line goes out undrifted; only trades with numeric ids matter to the detector. */
  void kept(EventLine line) {
    if (!line.hasNumericTradeId()) {
      return;
    }
    if (byKey.put(line.venueSymbol(), State.SEEN) == State.DROPPING) {
      episodes++;
    }
  }

  long episodes() {
    return episodes;
  }
}
