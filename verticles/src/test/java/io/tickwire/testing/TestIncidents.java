package io.tickwire.testing;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.RecorderSettings;
import io.tickwire.recorder.Incident;
import io.tickwire.recorder.IncidentIds;
import io.tickwire.recorder.IncidentWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real incident bundles for the REST and CLI tests, written by {@link IncidentWriter}: {@code before} trades a
 * millisecond apart ending with the trigger's, then {@code after} more. Times are epoch microseconds.
 */
public final class TestIncidents {
  private static final long MS = 1_000L;
  private static final RecorderSettings SETTINGS = new RecorderSettings(true, 600_000, 500_000, 64L << 20, 100,
      100, 30_000, 60_000, List.of("outlier_price", "sequence_gap"), "incidents");

  private TestIncidents() {
  }

  /** An incident triggered by a {@code type} anomaly on {@code symbol} at {@code triggerTs}. */
  public static Incident incident(long triggerTs, int random, String type, String symbol, int before, int after) {
    List<MarketEvent> beforeEvents = new ArrayList<>();
    for (int i = before - 1; i >= 0; i--) {
      beforeEvents.add(trade(symbol, beforeEvents.size(), triggerTs - i * MS));
    }
    List<MarketEvent> afterEvents = new ArrayList<>();
    for (int i = 1; i <= after; i++) {
      afterEvents.add(trade(symbol, before + i, triggerTs + i * MS));
    }
    Anomaly trigger = new Anomaly("sim", symbol, type, triggerTs, type + " on " + symbol, 4.5);
    return new Incident(IncidentIds.of(triggerTs, random), trigger, beforeEvents, afterEvents, Map.of(type, 1L),
        List.of(trigger), Incident.Completion.AFTER_EVENTS, triggerTs / 1_000, SETTINGS);
  }

  /** {@code incident} written into {@code incidentsDir}; its bundle directory. */
  public static Path write(Path incidentsDir, Incident incident) {
    try {
      return IncidentWriter.write(incidentsDir, incident);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Trade trade(String symbol, int n, long ts) {
    return new Trade("sim", symbol, String.format("t%06d", n), Decimals.of(6_500_000 + n, 2), Decimals.of(5, 1),
        n % 2 == 0 ? Side.BUY : Side.SELL, ts, ts + 250, n + 1);
  }
}
