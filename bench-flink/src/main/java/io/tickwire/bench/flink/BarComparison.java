package io.tickwire.bench.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two systems' bars side by side: per interval, how many each emitted, how many match, how many only one has, and
 * how many differ. Open, high, low, close, volume and trade count must be equal (both systems compute them exactly
 * from the same decimals); the VWAP within a relative {@link #VWAP_TOLERANCE}, since its double sum depends on
 * arrival order in either system. Of a bar emitted more than once (tickwire's revisions) the highest revision counts.
 */
final class BarComparison {
  static final double VWAP_TOLERANCE = 1e-9;
  private static final int EXAMPLES = 5;

  private final Map<ComparedBar.Key, ComparedBar> left = new TreeMap<>(BarComparison::order);
  private final Map<ComparedBar.Key, ComparedBar> right = new TreeMap<>(BarComparison::order);
  private final String leftName;
  private final String rightName;

  BarComparison(String leftName, String rightName) {
    this.leftName = leftName;
    this.rightName = rightName;
  }

  void left(ComparedBar bar) {
    keepNewest(left, bar);
  }

  void right(ComparedBar bar) {
    keepNewest(right, bar);
  }

  private static void keepNewest(Map<ComparedBar.Key, ComparedBar> bars, ComparedBar bar) {
    bars.merge(bar.key(), bar, (had, now) -> now.revision() >= had.revision() ? now : had);
  }

  /** Lines for people, the last saying whether the two agree. */
  record Report(List<String> lines, boolean agree) {
  }

  Report report() {
    Map<Long, long[]> byInterval = new TreeMap<>(); // left, right, matching, only left, only right, differing
    List<String> examples = new ArrayList<>();
    left.forEach((key, bar) -> {
      long[] n = byInterval.computeIfAbsent(key.intervalMillis(), k -> new long[6]);
      n[0]++;
      ComparedBar other = right.get(key);
      if (other == null) {
        n[3]++;
        example(examples, "only in " + leftName + ": " + bar);
      } else if (same(bar, other)) {
        n[2]++;
      } else {
        n[5]++;
        example(examples, "differs: " + leftName + " " + bar + " / " + rightName + " " + other);
      }
    });
    right.forEach((key, bar) -> {
      long[] n = byInterval.computeIfAbsent(key.intervalMillis(), k -> new long[6]);
      n[1]++;
      if (!left.containsKey(key)) {
        n[4]++;
        example(examples, "only in " + rightName + ": " + bar);
      }
    });
    List<String> lines = new ArrayList<>();
    boolean agree = true;
    for (Map.Entry<Long, long[]> e : byInterval.entrySet()) {
      long[] n = e.getValue();
      lines.add(String.format(Locale.ROOT, "%-4s %s %d, %s %d, matching %d, only %s %d, only %s %d, differing %d",
          Interval.label(e.getKey()), leftName, n[0], rightName, n[1], n[2], leftName, n[3], rightName, n[4], n[5]));
      agree &= n[3] == 0 && n[4] == 0 && n[5] == 0;
    }
    lines.addAll(examples);
    lines.add(agree ? "bars: identical (VWAP within a relative " + VWAP_TOLERANCE + ")" : "bars: DIFFERENT");
    return new Report(lines, agree);
  }

  private static void example(List<String> examples, String line) {
    if (examples.size() < EXAMPLES) {
      examples.add("  " + line);
    }
  }

  static boolean same(ComparedBar a, ComparedBar b) {
    return a.open() == b.open() && a.high() == b.high() && a.low() == b.low() && a.close() == b.close()
        && a.volume() == b.volume() && a.trades() == b.trades()
        && Math.abs(a.vwap() - b.vwap()) <= VWAP_TOLERANCE * Math.max(Math.abs(a.vwap()), Math.abs(b.vwap()));
  }

  private static int order(ComparedBar.Key a, ComparedBar.Key b) {
    int c = Long.compare(a.intervalMillis(), b.intervalMillis());
    if (c == 0) {
      c = Long.compare(a.startMillis(), b.startMillis());
    }
    if (c == 0) {
      c = a.venue().compareTo(b.venue());
    }
    return c != 0 ? c : a.symbol().compareTo(b.symbol());
  }
}
