package io.tickwire.jobs.profile;

import io.tickwire.codecs.IsoTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Locale;

/** A profile as one JSON object or as a markdown report (a table per range, a row per symbol). */
public final class ProfileReport {
  private ProfileReport() {
  }

  public static JsonObject json(long fromMicros, long toMicros, Collection<SymbolProfile> symbols) {
    return new JsonObject().put("from", IsoTime.format(fromMicros)).put("to", IsoTime.format(toMicros))
        .put("symbols", new JsonArray(symbols.stream().map(SymbolProfile::toJson).toList()));
  }

  public static String markdown(long fromMicros, long toMicros, Collection<SymbolProfile> symbols) {
    StringBuilder md = new StringBuilder();
    md.append("# Data quality ").append(IsoTime.format(fromMicros)).append(" .. ").append(IsoTime.format(toMicros))
        .append("\n\n");
    if (symbols.isEmpty()) {
      return md.append("No trades stored in this range.\n").toString();
    }
    md.append("| venue | symbol | trades | gaps >500ms | gaps >5s | gaps >30s | longest gap | outliers | duplicates "
        + "| late | anomalies |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (SymbolProfile p : symbols) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.0f ms | %d | %d | %d | %s |%n",
          p.venue, p.symbol, p.trades, p.gaps500ms, p.gaps5s, p.gaps30s, p.longestGapMs, p.outliers, p.duplicates,
          p.late, p.anomalies.isEmpty() ? "none" : p.anomalies.toString().replaceAll("[{}]", "")));
    }
    md.append("\nGaps: consecutive trades further apart than the threshold. Outliers: more than detect.outlier_k MADs "
        + "from the minute's median. Duplicates: same time, price, size and side under another id. Late: behind the "
        + "newest earlier-received trade by more than batcher.allowed_lateness_ms. Anomalies: stored samples.\n");
    return md.toString();
  }
}
