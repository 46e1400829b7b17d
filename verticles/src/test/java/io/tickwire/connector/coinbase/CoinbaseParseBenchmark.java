package io.tickwire.connector.coinbase;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.connector.capture.CryptofeedCapture.Record;
import io.tickwire.connector.venue.CountingOutput;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.connector.venue.SessionSpec;
import io.tickwire.connector.venue.SessionSpec.Channel;
import io.tickwire.connector.venue.SessionStats;
import io.tickwire.connector.venue.VenueSession;
import io.tickwire.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Frames per second through each Coinbase session's {@code onFrame} on one thread, events counted through a
 * {@link CountingOutput} as the live connector does: (1) the recording's match/last_match frames repeated, (2)
 * Advanced Trade {@code market_trades} messages of one trade each, (3) the whole recorded Exchange mix (level2
 * deltas, tickers, matches) repeated. One warm-up, three timed runs, median reported. A benchmark, not a test: run
 * it by hand from the repository root (command in BENCHMARKS.md). Argument: [frames per workload].
 */
public final class CoinbaseParseBenchmark {
  private static final List<String> PRODUCTS = List.of("SKL-USD", "SKL-BTC", "BAND-GBP", "NMR-EUR", "BAND-BTC",
      "YFI-BTC", "DASH-BTC", "NU-GBP", "CRV-EUR", "SKL-GBP");
  private static final SessionSpec SPEC = new SessionSpec(PRODUCTS, Set.of(Channel.values()), 50);
  /** Distinct Advanced Trade messages built up front; the run cycles through them. */
  private static final int ADVANCED_POOL = 100_000;

  private CoinbaseParseBenchmark() {
  }

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
    Path capture = SharedFixtures.root(Path.of("verticles").toAbsolutePath()).resolve("cryptofeed/COINBASE.ws.28.0");
    List<String> received = CryptofeedCapture.readAll(capture).stream()
        .filter(r -> r.direction() == Direction.RECEIVED).map(Record::payload).toList();
    String[] matches = received.stream().filter(CoinbaseParseBenchmark::isMatch).toArray(String[]::new);

    measure("exchange match frames", CoinbaseExchangeSession::new, matches, count);
    measure("advanced market_trades", CoinbaseAdvancedSession::new, advancedTrades(), count);
    measure("exchange recorded mix", CoinbaseExchangeSession::new, received.toArray(String[]::new), count);
  }

  private static void measure(String name, Sessions sessions, String[] frames, int count) {
    run(sessions, frames, count);
    double[] seconds = new double[3];
    SessionStats stats = null;
    for (int i = 0; i < seconds.length; i++) {
      long start = System.nanoTime();
      stats = run(sessions, frames, count);
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    double median = seconds[1];
    System.out.printf(Locale.ROOT, "%-24s %,d frames: median %.3f s (runs %s), %,.0f frames/s, %.0f ns per frame;"
        + " per run %,d trades, %,d quotes, %,d book updates, %d gaps, %d parse errors%n", name, count, median,
        Arrays.toString(seconds), count / median, median * 1e9 / count, stats.trades(), stats.quotes(),
        stats.bookUpdates(), stats.gaps(), stats.parseErrors());
  }

  /** One session, as a connection would have, fed {@code count} frames cycling through {@code frames}. */
  private static SessionStats run(Sessions sessions, String[] frames, int count) {
    SessionStats stats = new SessionStats();
    VenueSession session = sessions.open(SPEC, stats, new CountingOutput(stats, new Discard()));
    session.subscribeFrames();
    for (int i = 0; i < count; i++) {
      session.onFrame(frames[i % frames.length], i);
    }
    return stats;
  }

  private static boolean isMatch(String frame) {
    return frame.startsWith("{\"type\":\"match\"") || frame.startsWith("{\"type\":\"last_match\"");
  }

  /** One trade a message, consecutive sequence numbers and trade ids, the products in turn. */
  private static String[] advancedTrades() {
    String[] frames = new String[ADVANCED_POOL];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = "{\"channel\":\"market_trades\",\"client_id\":\"\","
          + "\"timestamp\":\"2023-02-09T20:19:35.39625135Z\",\"sequence_num\":" + i
          + ",\"events\":[{\"type\":\"update\",\"trades\":[{\"trade_id\":\"" + (463_843_801L + i)
          + "\",\"product_id\":\"" + PRODUCTS.get(i % PRODUCTS.size()) + "\",\"price\":\"21921." + (i % 100)
          + "\",\"size\":\"0.00031200\",\"side\":\"" + (i % 3 == 0 ? "SELL" : "BUY")
          + "\",\"time\":\"2023-02-09T20:19:34.981234Z\"}]}]}";
    }
    return frames;
  }

  /** A session's constructor taking the stats its CountingOutput counts into. */
  @FunctionalInterface
  private interface Sessions {
    VenueSession open(SessionSpec spec, SessionStats stats, SessionOutput output);
  }

  /** Swallows what the session puts out; the CountingOutput in front of it has counted it. */
  private static final class Discard implements SessionOutput {
    @Override
    public void event(MarketEvent event) {
    }

    @Override
    public void gap(String symbol, String reason, long receivedMicros) {
    }

    @Override
    public void send(String frame) {
    }

    @Override
    public void requestSnapshot(String symbol) {
    }

    @Override
    public void schemaDrift(String symbol, String detail, String frame) {
    }
  }
}
