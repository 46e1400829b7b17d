package io.tickwire.bench;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.venue.VenueSession;
import io.tickwire.connector.venue.VenueSessions;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each venue's trade frames through its real session ({@link VenueSessions#create}, as the live connector and
 * {@code replay --capture} create it): parse, normalise, count. The score is frames/s; the secondary {@code events}
 * score is the trades those frames produced per second (a Kraken v1 frame carries 1.25 trades on average).
 *
 * <p>Frames are those of the venue-session reading in BENCHMARKS.md, so the figures compare: recorded frames from
 * the repository's {@code fixtures/} where they exist (Kraken v1 {@code trade}, Coinbase Exchange {@code match},
 * Binance {@code aggTrade}), frames written from the documented message shapes otherwise (Kraken v2 {@code trade},
 * Coinbase Advanced Trade {@code market_trades} with one trade a message, Binance {@code trade}). Whole captures,
 * books and checksums included, are {@link CaptureReplayBenchmark}'s. A session that reports a parse error fails the
 * run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class VenueParseBenchmark {
  private static final int ADVANCED_POOL = 100_000;

  /** Kraken websocket v2 trade frames, from the documented shape (the verticles tests' v2-trade-ticker.jsonl). */
  static final List<String> KRAKEN_V2_TRADES = List.of(
      "{\"channel\":\"trade\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"MATIC/USD\",\"side\":\"buy\",\"price\":0.5147,"
          + "\"qty\":6423.46326,\"ord_type\":\"limit\",\"trade_id\":4665846,\"timestamp\":\"2023-09-25T07:48:36.925533Z\"},"
          + "{\"symbol\":\"MATIC/USD\",\"side\":\"buy\",\"price\":0.5147,\"qty\":1136.19677815,\"ord_type\":\"limit\","
          + "\"trade_id\":4665847,\"timestamp\":\"2023-09-25T07:49:36.925603Z\"}]}",
      "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",\"side\":\"sell\",\"price\":0.5117,"
          + "\"qty\":40.0,\"ord_type\":\"market\",\"trade_id\":4665906,\"timestamp\":\"2023-09-25T07:49:37.708706Z\"}]}");

  /** A Binance combined-stream trade frame, from the documented shape (the verticles tests' trade-combined.json). */
  static final List<String> BINANCE_TRADES = List.of(
      "{\"stream\":\"bnbbtc@trade\",\"data\":{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"t\":12345,"
          + "\"p\":\"0.001\",\"q\":\"100\",\"T\":1672515782136,\"m\":true,\"M\":true}}");

  /** Trades the frames produced, reported by JMH per second next to the frames. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Produced {
    public long events;

    @Setup(Level.Iteration)
    public void clear() {
      events = 0;
    }
  }

  @Param({"kraken_v1_trade", "kraken_v2_trade", "coinbase_exchange_match", "coinbase_advanced_market_trades",
      "binance_aggTrade", "binance_trade"})
  public String feed;

  private String[] frames;
  private int next;
  private VenueSession session;
  private final Counted out = new Counted();

  @Setup
  public void setup() {
    List<String> pool = switch (feed) {
      case "kraken_v1_trade" -> received("KRAKEN.ws.48.0", f -> f.startsWith("["));
      case "kraken_v2_trade" -> KRAKEN_V2_TRADES;
      case "coinbase_exchange_match" -> received("COINBASE.ws.28.0", f -> f.contains("match\""));
      case "coinbase_advanced_market_trades" -> advancedTrades();
      case "binance_aggTrade" -> received("BINANCE.ws.1.0", f -> f.contains("\"aggTrade\""));
      case "binance_trade" -> BINANCE_TRADES;
      default -> throw new IllegalArgumentException("unknown feed " + feed);
    };
    if (pool.isEmpty()) {
      throw new IllegalStateException("no " + feed + " frames found in the fixtures");
    }
    frames = pool.toArray(new String[0]);
    String[] venueProtocol = switch (feed) {
      case "kraken_v1_trade" -> new String[] {"kraken", "v1"};
      case "kraken_v2_trade" -> new String[] {"kraken", "v2"};
      case "coinbase_exchange_match" -> new String[] {"coinbase", "exchange"};
      case "coinbase_advanced_market_trades" -> new String[] {"coinbase", "advanced_trade"};
      default -> new String[] {"binance", "spot"};
    };
    SessionSpec spec = new SessionSpec(List.of(SessionSpec.ANY_SYMBOL), EnumSet.allOf(SessionSpec.Channel.class),
        1000);
    session = VenueSessions.create(venueProtocol[0], venueProtocol[1], spec, out);
    for (String frame : frames) { // one pass up front: a frame that does not parse fails here, not silently
      session.onFrame(frame, 0);
    }
    check();
    if (out.events == 0) {
      throw new IllegalStateException(feed + ": the frames produced no events");
    }
  }

  @TearDown
  public void check() {
    if (session.stats().parseErrors() > 0) {
      throw new IllegalStateException(feed + ": " + session.stats().parseErrors() + " parse errors, last: "
          + session.stats().lastError());
    }
  }

  @Benchmark
  public void frame(Produced produced) {
    String frame = frames[next];
    next = next + 1 == frames.length ? 0 : next + 1;
    long before = out.events;
    session.onFrame(frame, 1_700_000_000_000_000L);
    produced.events += out.events - before;
  }

  private static List<String> received(String file, Predicate<String> keep) {
    return CryptofeedCapture.readAll(BenchInputs.cryptofeed(file)).stream()
        .filter(r -> r.direction() == Direction.RECEIVED).map(CryptofeedCapture.Record::payload).filter(keep)
        .toList();
  }

  /** One trade a message, consecutive sequence numbers and trade ids, as Advanced Trade sends them. */
  private static List<String> advancedTrades() {
    String[] out = new String[ADVANCED_POOL];
    for (int i = 0; i < out.length; i++) {
      out[i] = "{\"channel\":\"market_trades\",\"client_id\":\"\","
          + "\"timestamp\":\"2023-02-09T20:19:35.39625135Z\",\"sequence_num\":" + i
          + ",\"events\":[{\"type\":\"update\",\"trades\":[{\"trade_id\":\"" + (463_843_801L + i)
          + "\",\"product_id\":\"BTC-USD\",\"price\":\"21921." + (i % 100)
          + "\",\"size\":\"0.00031200\",\"side\":\"" + (i % 3 == 0 ? "SELL" : "BUY")
          + "\",\"time\":\"2023-02-09T20:19:34.981234Z\"}]}]}";
    }
    return List.of(out);
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
