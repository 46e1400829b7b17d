package io.tickwire.feature;

import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.InfoBar;
import io.tickwire.flow.LruMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Information bars as feature snapshots, so rules can act on each one (e.g. {@code volume_bar_close >
 * volume_bar_open} fires on a rising volume bar). A snapshot per completed bar: its time is the bar's last trade,
 * its price the bar's close, and its features the symbol's newest time-bar features plus the bar's own, named
 * {@code <kind>_bar_<field>} ({@link InfoBar#FEATURE_NAMES}). A rule using only time-bar features sees the same values it saw at
 * the last base-interval close, so it does not fire again; one using {@code <kind>_bar_*} features is evaluated only
 * on that kind's bars (elsewhere they are missing, which is no observation). With several series of one kind for a
 * symbol, each of its bars gives a snapshot under the same names.
 *
 * <p>Bounded: the newest time-bar snapshot is kept for at most {@code maxSymbols} symbols, least recently updated
 * dropped first (an information bar of a dropped symbol then carries only its own features).
 */
final class InfoBarFeatures {
  private final LruMap<String, FeatureSnapshot> latest;

  InfoBarFeatures(int maxSymbols) {
    this.latest = new LruMap<>(Math.max(1, maxSymbols));
  }

  /** Remembers the newest time-bar snapshot of each symbol. */
  void remember(List<FeatureSnapshot> snapshots) {
    for (FeatureSnapshot snapshot : snapshots) {
      latest.put(snapshot.venue() + '|' + snapshot.symbol(), snapshot);
    }
  }

  List<FeatureSnapshot> apply(List<InfoBar> bars) {
    List<FeatureSnapshot> out = new ArrayList<>(bars.size());
    for (InfoBar bar : bars) {
      FeatureSnapshot base = latest.get(bar.venue() + '|' + bar.symbol());
      Map<String, Double> features = new TreeMap<>(base == null ? Map.of() : base.features());
      String prefix = bar.kind().label() + "_bar_";
      features.put(prefix + "open", bar.open());
      features.put(prefix + "high", bar.high());
      features.put(prefix + "low", bar.low());
      features.put(prefix + "close", bar.close());
      features.put(prefix + "volume", bar.volume());
      features.put(prefix + "notional", bar.notional());
      features.put(prefix + "trades", (double) bar.trades());
      features.put(prefix + "return", bar.close() / bar.open() - 1);
      features.put(prefix + "seconds", (bar.end() - bar.start()) / 1e6);
      out.add(new FeatureSnapshot(bar.venue(), bar.symbol(), bar.end(), bar.close(), features));
    }
    return out;
  }

  long evictions() {
    return latest.evictions();
  }
}
