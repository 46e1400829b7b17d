package io.tickwire.jobs.profile;

import io.tickwire.config.Settings;
import io.tickwire.store.ProfileQueries;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Profiles the stored trades and anomalies of a range, per (venue, symbol), from the queries of
 * {@link ProfileQueries}. Outliers use the router's rule on a coarser window: more than {@code detect.outlier_k}
 * median absolute deviations from the median of the symbol's minute.
 */
public final class DataProfiler {
  private final double outlierK;
  private final long latenessMs;

  public DataProfiler(Settings settings) {
    this.outlierK = settings.detect().outlierK();
    this.latenessMs = settings.batcher().allowedLatenessMs();
  }

  /** Profiles keyed by {@code venue|symbol}, in that order. */
  public Map<String, SymbolProfile> profile(Connection db, long fromMicros, long toMicros) throws SQLException {
    Map<String, SymbolProfile> out = new TreeMap<>();
    for (ProfileQueries.Span s : ProfileQueries.spans(db, fromMicros, toMicros)) {
      SymbolProfile p = of(out, s.venue(), s.symbol());
      p.trades = s.trades();
      p.firstMicros = s.firstMicros();
      p.lastMicros = s.lastMicros();
      p.gaps500ms = s.gaps500ms();
      p.gaps5s = s.gaps5s();
      p.gaps30s = s.gaps30s();
      p.longestGapMs = s.longestGapMs();
    }
    for (ProfileQueries.Count c : ProfileQueries.duplicates(db, fromMicros, toMicros)) {
      of(out, c.venue(), c.symbol()).duplicates = c.count();
    }
    for (ProfileQueries.Count c : ProfileQueries.outliers(db, fromMicros, toMicros, outlierK)) {
      of(out, c.venue(), c.symbol()).outliers = c.count();
    }
    for (ProfileQueries.Count c : ProfileQueries.late(db, fromMicros, toMicros, latenessMs)) {
      of(out, c.venue(), c.symbol()).late = c.count();
    }
    for (ProfileQueries.TypeCount c : ProfileQueries.anomalies(db, fromMicros, toMicros)) {
      of(out, c.venue(), c.symbol()).anomalies.put(c.type(), c.count());
    }
    return out;
  }

  private static SymbolProfile of(Map<String, SymbolProfile> out, String venue, String symbol) {
    return out.computeIfAbsent(venue + "|" + symbol, k -> new SymbolProfile(venue, symbol));
  }
}
