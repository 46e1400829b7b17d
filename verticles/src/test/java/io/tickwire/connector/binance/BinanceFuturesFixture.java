package io.tickwire.connector.binance;

import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.testing.Fixtures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recorded Binance USD-M futures traffic as one timeline: BINANCE_FUTURES.ws.1.0's frames and
 * BINANCE_FUTURES.http.0.0's depth snapshots by receive time, in {@link BinanceFixtureReplay}'s steps; and
 * {@code markPriceUpdate} frames of the documented shape, which the recording lacks.
 */
final class BinanceFuturesFixture {
  static final List<String> SYMBOLS = List.of("SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "CTKUSDT");

  private BinanceFuturesFixture() {
  }

  static List<BinanceFixtureReplay.Step> timeline() {
    List<BinanceFixtureReplay.Step> steps = new ArrayList<>();
    steps.addAll(frames().stream().map(f -> new BinanceFixtureReplay.Step(f.at(), f.frame(), null)).toList());
    for (BinanceRestCapture.Snapshot s : BinanceRestCapture.read(Fixtures.cryptofeed("BINANCE_FUTURES.http.0.0"))) {
      steps.add(new BinanceFixtureReplay.Step(s.receivedMicros(), null, s));
    }
    steps.sort(Comparator.comparingLong(BinanceFixtureReplay.Step::at));
    return steps;
  }

  static List<BinanceFixtureReplay.Step> frames() {
    List<BinanceFixtureReplay.Step> frames = new ArrayList<>();
    CryptofeedCapture.read(Fixtures.cryptofeed("BINANCE_FUTURES.ws.1.0"), r -> {
      if (r.direction() == Direction.RECEIVED) {
        frames.add(new BinanceFixtureReplay.Step(r.epochMicros(), r.payload(), null));
      }
    });
    return frames;
  }

  /** A combined-stream {@code markPriceUpdate} as Binance documents it. */
  static String markPrice(String symbol, String mark, String rate, long eventMillis) {
    return "{\"stream\":\"" + symbol.toLowerCase() + "@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":"
        + eventMillis + ",\"s\":\"" + symbol + "\",\"p\":\"" + mark + "\",\"i\":\"7.61250000\",\"P\":\"7.60899999\","
        + "\"r\":\"" + rate + "\",\"T\":1626998400000}}";
  }
}
