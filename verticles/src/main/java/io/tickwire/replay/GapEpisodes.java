package io.tickwire.replay;

import java.util.HashMap;
import java.util.Map;

/**
 * Ground truth for {@code sequence_gap}: counts, in input order, the runs of trades the detector will never see
 * that it can notice. A trade is missing when it was dropped, and also when it was drifted, because a drifted
 * line is refused at the ingest and its id never reaches the router. An episode is a maximal run of missing
 * trades of one (venue, symbol) followed by a visible trade of it (kept, not drifted, numeric id); a run before
 * the first visible trade of its key is no gap at all, since the detector has no id to compare with yet.
 *
 * <p>Exact only without shuffle: reordered ids jump forward too (and some runs are then hidden behind a later
 * id), so with a shuffle window the detector counts gaps this does not.
 */
final class GapEpisodes {
  private enum State { SEEN, MISSING }

  private final Map<String, State> byKey = new HashMap<>();
  private long episodes;

  /** A line that will not reach the detector (dropped or drifted); only trades with numeric ids matter. */
  void missing(EventLine line) {
    if (line.hasNumericTradeId()) {
      byKey.computeIfPresent(line.venueSymbol(), (k, state) -> State.MISSING);
    }
  }

  /** A line that goes out as it came; only trades with numeric ids matter. */
  void kept(EventLine line) {
    if (line.hasNumericTradeId() && byKey.put(line.venueSymbol(), State.SEEN) == State.MISSING) {
      episodes++;
    }
  }

  long episodes() {
    return episodes;
  }
}
