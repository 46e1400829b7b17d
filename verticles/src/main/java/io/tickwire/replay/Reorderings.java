package io.tickwire.replay;

import io.tickwire.router.detect.DuplicateDetector;
import java.util.HashMap;
import java.util.Map;

/**
 * Ground truth for {@code out_of_order}, taken over the final output in its order: an event whose event time is
 * older than the newest already emitted for its (venue, symbol). Like the router, it skips what never reaches the
 * order check: drifted lines (refused at the ingest) and a trade's repeat on its venue (dropped as a duplicate).
 * It counts every reordering that happened, whether the shuffle made it or the input already had it.
 *
 * <p>Repeats are recognised with the router's own bounded memory ({@link DuplicateDetector} at its default
 * capacity), so the truth takes fixed memory on an input of any length and, like the router, takes a trade
 * repeated more than that many trades of its venue later for a new one.
 */
final class Reorderings {
  private final Map<String, Long> newest = new HashMap<>();
  private final DuplicateDetector tradesSeen = new DuplicateDetector();
  private long count;

  /** One output line, in output order; {@code drifted} lines are ignored. */
  void emitted(EventLine line, boolean drifted) {
    if (drifted || !line.isEvent() || !line.hasEventTime() || isRepeat(line)) {
      return;
    }
    Long mark = newest.get(line.venueSymbol());
    if (mark != null && line.eventTime() < mark) {
      count++;
    } else {
      newest.put(line.venueSymbol(), line.eventTime());
    }
  }

  private boolean isRepeat(EventLine line) {
    return line.isTrade() && tradesSeen.seenBefore(line.venue(), line.symbol(), line.tradeId());
  }

  long count() {
    return count;
  }
}
