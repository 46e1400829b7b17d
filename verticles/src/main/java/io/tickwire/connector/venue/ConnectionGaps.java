package io.tickwire.connector.venue;

import java.util.Collection;

/** A hole that concerns a whole connection (it dropped, its sequence jumped): one gap, a marker per symbol. */
public final class ConnectionGaps {
  private ConnectionGaps() {
  }

  public static void mark(SessionStats stats, SessionOutput output, Collection<String> symbols, String reason,
      long micros) {
    stats.addGap();
    for (String symbol : symbols) {
      output.gap(symbol, reason, micros);
    }
  }
}
