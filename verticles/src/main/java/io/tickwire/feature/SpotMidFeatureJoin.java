package io.tickwire.feature;

import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.SpotMid;
import io.tickwire.config.DerivedSettings;
import io.tickwire.config.DerivedSettings.VenueSymbol;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds the spot-mid features ({@link SpotMid#FEATURE_NAMES}: the consolidated mid, the perpetual's basis in price
 * and in basis points, its funding rate) to the feature snapshots of an asset's symbols: its spot venues' and its
 * perpetual's. A snapshot at time T gets the values of the asset's newest sample taken at or before T, if that is
 * at most {@code derived.spot_mid.feature_max_age_ms} older; otherwise they are absent, never 0. A value the sample
 * could not have (no fresh venue, no fresh perpetual) is absent too.
 *
 * <p>Why at or before T, with a few samples kept, and not the newest: samples and bars come on separate links, and
 * a sample may be ahead of the bar; a value from after the bar's close would be one the rules could not have known
 * at that close. Samples reach this stage best-effort (they are computed on the ingest node, and every compute node
 * needs them), so one lost on the way means the previous one is used, or none.
 *
 * <p>Bounded by the configuration: {@link #KEPT} samples per configured asset. Not thread-safe: owned by the
 * feature verticle's event loop.
 */
final class SpotMidFeatureJoin {
  /** Samples kept per asset: how far samples may run ahead of bars. */
  static final int KEPT = 16;

  private final Map<String, Map<String, String>> assetOf = new HashMap<>();
  private final Map<String, ArrayDeque<SpotMid>> recent = new HashMap<>();
  private final long maxAgeMicros;
  private long kept;
  private long joined;
  private long withoutSample;

  SpotMidFeatureJoin(DerivedSettings.SpotMid config) {
    this.maxAgeMicros = config.featureMaxAgeMs() * 1000;
    for (DerivedSettings.Asset asset : config.assets()) {
      recent.put(asset.name(), new ArrayDeque<>(KEPT));
      for (VenueSymbol pair : asset.venues()) {
        assetOf.computeIfAbsent(pair.venue(), v -> new HashMap<>()).put(pair.symbol(), asset.name());
      }
      if (asset.perp() != null) {
        assetOf.computeIfAbsent(asset.perp().venue(), v -> new HashMap<>()).put(asset.perp().symbol(), asset.name());
      }
    }
  }

  /** Keeps {@code sample} as its asset's newest; one of an asset not configured here, or not newer, is dropped. */
  void add(SpotMid sample) {
    ArrayDeque<SpotMid> kept = recent.get(sample.asset());
    if (kept == null || (!kept.isEmpty() && kept.peekLast().ts() >= sample.ts())) {
      return;
    }
    if (kept.size() == KEPT) {
      kept.pollFirst();
    }
    kept.addLast(sample);
    this.kept++;
  }

  /** {@code snapshot} with its asset's spot-mid features, or itself when it has no asset or no sample young enough. */
  FeatureSnapshot join(FeatureSnapshot snapshot) {
    Map<String, String> bySymbol = assetOf.get(snapshot.venue());
    String asset = bySymbol == null ? null : bySymbol.get(snapshot.symbol());
    if (asset == null) {
      return snapshot;
    }
    SpotMid sample = sampleAt(recent.get(asset), snapshot.ts());
    if (sample == null) {
      withoutSample++;
      return snapshot;
    }
    joined++;
    Map<String, Double> features = new TreeMap<>(snapshot.features());
    features.putAll(sample.features());
    return new FeatureSnapshot(snapshot.venue(), snapshot.symbol(), snapshot.ts(), snapshot.price(), features);
  }

  private SpotMid sampleAt(ArrayDeque<SpotMid> kept, long ts) {
    for (Iterator<SpotMid> it = kept.descendingIterator(); it.hasNext(); ) {
      SpotMid sample = it.next();
      if (sample.ts() <= ts) {
        return ts - sample.ts() <= maxAgeMicros ? sample : null;
      }
    }
    return null;
  }

  /** Samples kept so far. */
  long samples() {
    return kept;
  }

  /** Snapshots of an asset's symbols that got the features. */
  long joined() {
    return joined;
  }

  /** Snapshots of an asset's symbols that found no sample young enough. */
  long withoutSample() {
    return withoutSample;
  }
}
