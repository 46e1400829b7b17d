package io.tickwire.store;

import io.tickwire.codecs.Bar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The empty windows of resampled bars, filled as the batcher fills them ({@code batcher.empty}): after a venue's
 * first window with trades in the range, each window without any becomes a filled bar at the previous close
 * ({@code flat}) or without prices ({@code none}), until {@code maxGapMicros} past the last window with trades.
 */
final class ResampledBars {
  /** What an empty window gives. */
  enum Fill {
    SKIP, FLAT, NONE
  }

  private static final Comparator<Bar> NEWEST_FIRST =
      Comparator.comparingLong(Bar::start).reversed().thenComparing(Bar::venue);

  private ResampledBars() {
  }

  /**
   * {@code bars} (windows with trades, any order) with the empty windows up to {@code until} (exclusive end)
   * filled, newest first, at most {@code limit}.
   */
  static List<Bar> fill(List<Bar> bars, Fill fill, long intervalMillis, long until, long maxGapMicros, int limit) {
    List<Bar> out = new ArrayList<>(bars);
    if (fill != Fill.SKIP) {
      Map<String, List<Bar>> byVenue = new LinkedHashMap<>();
      for (Bar bar : bars) {
        byVenue.computeIfAbsent(bar.venue(), v -> new ArrayList<>()).add(bar);
      }
      for (List<Bar> venue : byVenue.values()) {
        addFilled(venue, fill, intervalMillis * 1000, until, maxGapMicros, out);
      }
    }
    out.sort(NEWEST_FIRST);
    return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
  }

  private static void addFilled(List<Bar> venue, Fill fill, long step, long until, long maxGapMicros,
      List<Bar> out) {
    venue.sort(Comparator.comparingLong(Bar::start));
    for (int k = 0; k < venue.size(); k++) {
      Bar last = venue.get(k);
      long next = k + 1 < venue.size() ? venue.get(k + 1).start() : until;
      double price = fill == Fill.FLAT ? last.close() : Double.NaN;
      for (long start = last.end(); start < next; start += step) { // windows are aligned: each ends by next
        if (start + step - last.end() > maxGapMicros) {
          break;
        }
        out.add(new Bar(last.venue(), last.symbol(), last.intervalMillis(), start, price, price, price, price, 0,
            price, 0, 0, start + step, true));
      }
    }
  }
}
