package io.tickwire.feature;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.config.FeatureSettings;
import io.tickwire.flow.LruMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Per (venue, symbol) feature state for a stream of bars: picks out the first closes (revision 0) of the base
 * interval and turns each into a {@link FeatureSnapshot}. Everything else is skipped and counted. Not
 * thread-safe: one event loop owns it.
 *
 * <p>At most {@code maxSymbols} symbols are kept, the least recently updated dropped first (counted). A dropped
 * symbol that comes back starts its rolling windows afresh, as at start-up. The cap is {@code router.max_symbols},
 * the most symbols the router lets through at once, so the symbol dropped is one idle for longer than every live
 * one, whose windows had mostly rolled past anyway.
 */
public final class FeatureEngine {
  private record Key(String venue, String symbol) {
  }

  private final FeatureSettings config;
  private final LruMap<Key, SymbolFeatures> symbols;
  private long snapshots;
  private long skipped;
  private long outOfOrder;

  /** For callers without settings (tests, benchmarks): the default of {@code router.max_symbols}. */
  public static final int DEFAULT_MAX_SYMBOLS = 20_000;

  public FeatureEngine(FeatureSettings config) {
    this(config, DEFAULT_MAX_SYMBOLS);
  }

  public FeatureEngine(FeatureSettings config, int maxSymbols) {
    this.symbols = new LruMap<>(maxSymbols);
    this.config = config;
    validate(config);
  }

  /** Fails fast on a window the factory cannot build, rather than on the first bar. */
  private static void validate(FeatureSettings config) {
    new SymbolFeatures(config.windows(), config.baseIntervalMillis());
  }

  /** The snapshots for {@code bars}, in their order. */
  public List<FeatureSnapshot> apply(List<Bar> bars) {
    List<FeatureSnapshot> out = new ArrayList<>(bars.size());
    for (Bar bar : bars) {
      if (!isBaseClose(bar)) {
        skipped++;
        continue;
      }
      SymbolFeatures state = symbols.computeIfAbsent(new Key(bar.venue(), bar.symbol()),
          k -> new SymbolFeatures(config.windows(), config.baseIntervalMillis()));
      if (!state.follows(bar)) {
        outOfOrder++;
        continue;
      }
      out.add(state.onBar(bar));
      snapshots++;
    }
    return out;
  }

  /**
   * A first emission of the base interval. A filled bar without prices ({@code batcher.empty=none}) is not one: a NaN
   * would stay in every rolling sum; a flat filled bar is, a window where the price did not move.
   */
  private boolean isBaseClose(Bar bar) {
    return bar.intervalMillis() == config.baseIntervalMillis() && bar.revision() == 0 && !Double.isNaN(bar.close());
  }

  public long snapshots() {
    return snapshots;
  }

  /** Bars of another interval, and revisions. */
  public long skipped() {
    return skipped;
  }

  /** Base closes at or before a bar already seen for their symbol. */
  public long outOfOrder() {
    return outOfOrder;
  }

  public int symbols() {
    return symbols.size();
  }

  /** Symbols dropped, least recently updated first, to stay within the cap. */
  public long evictions() {
    return symbols.evictions();
  }
}
