package io.tickwire.recorder;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.RecorderSettings;
import java.util.ArrayList;
import java.util.List;

/** Hand-built events, anomalies and settings for the recorder tests; times are epoch microseconds. */
final class Recorded {
  static final long T0 = 1_714_564_800_000_000L; // 2024-05-01T12:00:00Z
  static final long MS = 1_000L;
  static final List<String> TRIGGERS = List.of("outlier_price", "sequence_gap");

  private Recorded() {
  }

  /** Trade number {@code i}, {@code i} milliseconds after T0; fixed-width ids so every trade has the same size. */
  static Trade trade(int i) {
    return new Trade("sim", "BTC-USD", String.format("t%06d", i), Decimals.of(6_500_010 + i, 2), Decimals.of(5, 1),
        i % 2 == 0 ? Side.BUY : Side.SELL, T0 + i * MS, T0 + i * MS + 250, i + 1);
  }

  static Quote quote(int i) {
    return new Quote("sim", "ETH-USD", Decimals.of(310_050, 2), Decimals.of(12, 0), Decimals.of(310_075, 2),
        Decimals.of(3, 1), T0 + i * MS, T0 + i * MS + 300, i + 1);
  }

  /** A book update with bids listed before asks, the order v1 JSON writes them in. */
  static BookUpdate book(int i, int levelsPerSide) {
    List<BookLevel> levels = new ArrayList<>();
    for (int l = 0; l < levelsPerSide; l++) {
      levels.add(new BookLevel(Side.BUY, Decimals.of(6_500_000 - l, 2), Decimals.of(l + 1, 0)));
    }
    for (int l = 0; l < levelsPerSide; l++) {
      levels.add(new BookLevel(Side.SELL, Decimals.of(6_500_100 + l, 2), Decimals.of(l + 2, 0)));
    }
    return new BookUpdate("sim2", "BTC-USD", i % 2 == 0, levels, T0 + i * MS, T0 + i * MS + 400, i + 1);
  }

  /** Trades, quotes and books in turn. */
  static MarketEvent mixed(int i) {
    return switch (i % 3) {
      case 0 -> trade(i);
      case 1 -> quote(i);
      default -> book(i, 1 + i % 4);
    };
  }

  /** An anomaly about {@code event}, as a detector reports it (ts = the event's time). */
  static Anomaly anomaly(String type, MarketEvent event) {
    return new Anomaly(event.venue(), event.symbol(), type, event.eventTime(), type + " | on " + event.symbol(), 4.5);
  }

  /** The bytes {@code event} takes in the ring. */
  static int recordSize(MarketEvent event) {
    RecordWriter writer = new RecordWriter();
    EventRecords.write(writer, event);
    return writer.length();
  }

  static long recordBytes(List<MarketEvent> events) {
    return events.stream().mapToLong(Recorded::recordSize).sum();
  }

  static RecorderSettings settings(int before, int after, long cooldownMs) {
    return new RecorderSettings(true, 600_000, 500_000, 64L << 20, before, after, 30_000, cooldownMs, TRIGGERS,
        "incidents");
  }

  static RecorderSettings bounds(long windowMs, int maxEvents, long maxBytes) {
    return new RecorderSettings(true, windowMs, maxEvents, maxBytes, 100, 100, 30_000, 60_000, TRIGGERS,
        "incidents");
  }
}
