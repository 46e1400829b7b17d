package io.tickwire.connector.venue;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.capture.CaptureSource;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.replay.CaptureReplay;
import io.tickwire.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.LongSupplier;

/**
 * Frames per second through each venue's session on one thread, the way the live connector runs them
 * ({@link VenueSessions#create}, events counted by {@link CountingOutput}): trade frames of every protocol repeated
 * to {@code frames}, then each recorded capture whole through {@link CaptureReplay} (books, checksums and depth sync
 * included). One warm-up, three timed runs, median reported. A benchmark, not a test: run it by hand from the
 * verticles module so the shared fixtures resolve (command in BENCHMARKS.md). Argument: [frames].
 */
public final class SessionParseBenchmark {
  private static final int ADVANCED_POOL = 100_000;
  /** Each capture is replayed whole until about this many frames have gone through, small ones more often. */
  private static final long CAPTURE_FRAMES = 300_000;

  private SessionParseBenchmark() {
  }

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
    trades("kraken", "v1", "trade", received("KRAKEN.ws.48.0", f -> f.startsWith("[")), count);
    trades("kraken", "v2", "trade", resource("/kraken/v2-trade-ticker.jsonl", f -> f.contains("\"trade\"")), count);
    trades("coinbase", "exchange", "match", received("COINBASE.ws.28.0", f -> f.contains("match\"")), count);
    trades("coinbase", "advanced_trade", "market_trades", advancedTrades(), count);
    trades("binance", "spot", "aggTrade", received("BINANCE.ws.1.0", f -> f.contains("\"aggTrade\"")), count);
    trades("binance", "spot", "trade", resource("/binance/trade-combined.json", f -> true), count);
    capture("kraken", "KRAKEN.ws.50.head1500", null);
    capture("coinbase", "COINBASE.ws.28.0", null);
    capture("binance", "BINANCE.ws.1.0", "BINANCE.http.0.0");
  }

  private static void trades(String venue, String protocol, String kind, List<String> pool, int count) {
    String[] frames = new String[count];
    Arrays.setAll(frames, i -> pool.get(i % pool.size()));
    SessionSpec spec = new SessionSpec(List.of(SessionSpec.ANY_SYMBOL), EnumSet.allOf(SessionSpec.Channel.class),
        1000);
    report(venue + "/" + protocol + " " + kind + " frames", count, () -> {
      Counted out = new Counted();
      VenueSession session = VenueSessions.create(venue, protocol, spec, out);
      for (int i = 0; i < frames.length; i++) {
        session.onFrame(frames[i], i);
      }
      return check(session.stats(), out.events);
    });
  }

  private static void capture(String venue, String file, String rest) {
    CaptureSource source = CaptureSource.read(Fixtures.cryptofeed(file),
        rest == null ? null : Fixtures.cryptofeed(rest), venue, null);
    long frames = source.timeline().stream().filter(r -> r.direction() == Direction.RECEIVED).count();
    long passes = Math.max(1, CAPTURE_FRAMES / frames);
    report(venue + "/" + source.protocol() + " whole " + file + " x" + passes, frames * passes, () -> {
          long events = 0;
          for (int pass = 0; pass < passes; pass++) {
            CaptureReplay.Result result = CaptureReplay.run(source);
            if (result.summary().getLong("parse_errors") > 0 || result.summary().getLong("checksum_failed") > 0) {
              throw new IllegalStateException("errors replaying " + file + ": " + result.summary());
            }
            events += result.events().size();
          }
          return events;
        });
  }

  /** Runs {@code work} once to warm up and three times timed; prints the median. */
  private static void report(String name, long frames, LongSupplier work) {
    work.getAsLong();
    double[] seconds = new double[3];
    long events = 0;
    for (int i = 0; i < seconds.length; i++) {
      long start = System.nanoTime();
      events = work.getAsLong();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    double median = seconds[1];
    System.out.printf(Locale.ROOT, "%-62s %,10d frames  median %.3f s  %,11.0f frames/s  %,6.0f ns/frame"
        + "  (%,d events; runs %s)%n", name, frames, median, frames / median, median * 1e9 / frames, events,
        Arrays.toString(seconds));
  }

  private static long check(SessionStats stats, long events) {
    if (stats.parseErrors() > 0) {
      throw new IllegalStateException("parse errors: " + stats.lastError());
    }
    return events;
  }

  private static List<String> received(String file, Predicate<String> keep) {
    return CryptofeedCapture.readAll(Fixtures.cryptofeed(file)).stream()
        .filter(r -> r.direction() == Direction.RECEIVED).map(CryptofeedCapture.Record::payload).filter(keep)
        .toList();
  }

  private static List<String> resource(String name, Predicate<String> keep) {
    try (InputStream in = SessionParseBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " not found on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(keep).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One trade a message, consecutive sequence numbers and trade ids, as Advanced Trade sends them. */
  private static List<String> advancedTrades() {
    String[] frames = new String[ADVANCED_POOL];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = "{\"channel\":\"market_trades\",\"client_id\":\"\","
          + "\"timestamp\":\"2023-02-09T20:19:35.39625135Z\",\"sequence_num\":" + i
          + ",\"events\":[{\"type\":\"update\",\"trades\":[{\"trade_id\":\"" + (463_843_801L + i)
          + "\",\"product_id\":\"BTC-USD\",\"price\":\"21921." + (i % 100)
          + "\",\"size\":\"0.00031200\",\"side\":\"" + (i % 3 == 0 ? "SELL" : "BUY")
          + "\",\"time\":\"2023-02-09T20:19:34.981234Z\"}]}]}";
    }
    return List.of(frames);
  }

  /** Counts what comes out, so the work cannot be optimised away. */
  private static final class Counted implements SessionOutput {
    long events;

    @Override
    public void event(MarketEvent event) {
      events++;
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
