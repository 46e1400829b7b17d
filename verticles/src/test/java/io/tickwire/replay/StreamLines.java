package io.tickwire.replay;

import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.SyntheticSettings;
import io.tickwire.connector.SyntheticFeed;
import java.util.ArrayList;
import java.util.List;

/** v1 JSON input streams for the replay tests. */
final class StreamLines {
  /** 2024-05-01T00:00:00Z in epoch microseconds: a fixed start, so trade ids are consecutive from 1 per symbol. */
  static final long START = 1_714_521_600_000_000L;
  static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD");

  private StreamLines() {
  }

  /** {@code n} synthetic trades on venue "chaos", as a {@code tickwire run --print md.ticks} would replay them. */
  static List<String> trades(int n, long seed) {
    SyntheticFeed feed = new SyntheticFeed(new SyntheticSettings(true, "chaos", SYMBOLS, seed, 0, n, 256, 0.8, 0,
        START, false), START);
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(V1Json.toJson(feed.next(0)));
    }
    return lines;
  }

  /** Trades, quotes and books in turn, so every event kind meets every fault. */
  static List<String> mixed(int n) {
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(switch (i % 3) {
        case 0 -> trade("v", "BTC-USD", Integer.toString(i + 1), START + i);
        case 1 -> V1Json.toJson(new Quote("v", "ETH-USD", Decimals.parse("2000.5"), Decimals.parse("3"),
            Decimals.parse("2000.75"), Decimals.parse("1.5"), START + i, 0, 0));
        default -> V1Json.toJson(new BookUpdate("v", "SOL-USD", i % 2 == 0, List.of(
            new BookLevel(Side.BUY, Decimals.parse("20.1"), Decimals.parse("7")),
            new BookLevel(Side.SELL, Decimals.parse("20.2"), 0)), START + i, 0, 0));
      });
    }
    return lines;
  }

  static String trade(String venue, String symbol, String id, long eventTime) {
    return V1Json.toJson(new Trade(venue, symbol, id, Decimals.parse("100.25"), Decimals.parse("0.5"), Side.BUY,
        eventTime, 0, 0));
  }
}
