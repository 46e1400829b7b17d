package io.tickwire.replay;

import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.SyntheticSettings;
import io.tickwire.connector.SyntheticFeed;
import java.util.ArrayList;
import java.util.List;

/**
 * A clean, reproducible trade stream for the demo and tests: synthetic trades from a fixed start time, so trade
 * ids are consecutive per symbol (sequence gaps are detectable) and every run writes the same lines. Each event
 * carries an ingest time a few milliseconds after its event time, as a live capture would: a replay of it then
 * measures the recorded latency, not the years since.
 */
public final class DemoStream {
  /** 2024-05-01T12:00:00Z. */
  public static final long START_MICROS = 1_714_564_800_000_000L;
  private static final long INGEST_DELAY_MICROS = 2_000;
  private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD");

  private DemoStream() {
  }

  /** {@code events} v1 JSON trade lines at about {@code ratePerSecond} of event time. */
  public static List<String> lines(int events, long ratePerSecond, long seed) {
    SyntheticSettings settings = new SyntheticSettings(true, "demo", SYMBOLS, seed, ratePerSecond, events, 256,
        0.8, 0, START_MICROS / 1000, false);
    SyntheticFeed feed = new SyntheticFeed(settings, START_MICROS);
    List<String> lines = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      Trade trade = feed.next(0);
      lines.add(V1Json.toJson(withIngestTime(trade)));
    }
    return lines;
  }

  private static Trade withIngestTime(Trade t) {
    return t.withIngestTime(t.eventTime() + INGEST_DELAY_MICROS);
  }
}
