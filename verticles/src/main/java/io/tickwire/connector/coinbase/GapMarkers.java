package io.tickwire.connector.coinbase;

import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.connector.venue.SessionStats;
import java.util.List;

/** Holes that concern a whole connection (it dropped, its sequence jumped): one gap, a marker per product. */
final class GapMarkers {
  private GapMarkers() {
  }

  static void connectionGap(SessionStats stats, SessionOutput output, List<String> symbols, String reason,
      long micros) {
    stats.addGap();
    for (String symbol : symbols) {
      output.gap(symbol, reason, micros);
    }
  }
}
