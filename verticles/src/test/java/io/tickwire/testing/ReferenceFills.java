package io.tickwire.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The filled bars an empty-window policy should add, computed from {@link ReferenceBars}' bars with trades and
 * nothing of the batcher: for each series, every window after its first bar with trades that has none, up to the
 * watermark at the end of the stream, while its end is within {@code maxGapMicros} of the end of the series' last
 * bar with trades. A flat filled bar is priced at that bar's close; under the none policy it has no prices.
 */
public final class ReferenceFills {
  /** One expected filled bar; {@code price} is NaN under the none policy. */
  public record Filled(String venue, String symbol, long intervalMillis, long start, long end, double price) {
    public String key() {
      return venue + "|" + symbol + "|" + intervalMillis + "|" + start;
    }
  }

  private ReferenceFills() {
  }

  public static Map<String, Filled> compute(Map<String, ReferenceBars.Expected> bars, ReferenceBars.Windows windows,
      long watermark, long maxGapMicros, boolean flat) {
    Map<String, List<ReferenceBars.Expected>> series = new TreeMap<>();
    for (ReferenceBars.Expected e : bars.values()) {
      series.computeIfAbsent(e.venue() + "|" + e.symbol() + "|" + e.intervalMillis(), k -> new ArrayList<>()).add(e);
    }
    Map<String, Filled> out = new TreeMap<>();
    for (List<ReferenceBars.Expected> list : series.values()) {
      list.sort((a, b) -> Long.compare(a.start(), b.start()));
      for (int k = 0; k < list.size(); k++) {
        ReferenceBars.Expected last = list.get(k);
        long until = k + 1 < list.size() ? list.get(k + 1).start() : watermark;
        long windowStart = last.end();
        while (true) {
          long[] w = windows.window(last.intervalMillis(), windowStart);
          boolean beforeNext = k + 1 < list.size() ? w[0] < until : w[1] <= until;
          if (!beforeNext || w[1] - last.end() > maxGapMicros) {
            break;
          }
          Filled f = new Filled(last.venue(), last.symbol(), last.intervalMillis(), w[0], w[1],
              flat ? last.close() : Double.NaN);
          out.put(f.key(), f);
          windowStart = w[1];
        }
      }
    }
    return out;
  }
}
