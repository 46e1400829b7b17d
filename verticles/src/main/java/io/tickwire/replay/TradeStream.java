package io.tickwire.replay;

import io.tickwire.codecs.Trade;
import io.tickwire.config.SyntheticSettings;
import io.tickwire.connector.SyntheticFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The trades of a generated file, in the order they are written: the synthetic feed's trades in event-time order,
 * each delayed with the disorder's probability by a uniform 1 us to the disorder's bound ({@link DelayBuffer}). For
 * one seed, the same trades in the same order. Each trade's ingest time is when it would have arrived: a little
 * after the newest event time written, so a delayed trade also arrives late.
 */
public final class TradeStream {
  /** 2024-05-01T12:00:00Z, as the demo stream: a fixed start keeps a seed's file identical from run to run. */
  public static final long START_MICROS = DemoStream.START_MICROS;
  public static final String VENUE = "synthetic";
  private static final long INGEST_DELAY_MICROS = 2_000;
  private static final double VOLATILITY = 0.8;
  private static final int UNUSED_BATCH_SIZE = 256;
  private static final List<String> KNOWN_BASES = List.of("BTC", "ETH", "SOL", "XRP", "ADA", "DOGE", "AVAX", "LINK");

  private final long trades;
  private final SyntheticFeed feed;
  private final Disorder disorder;
  /** Its own generator, so the same seed makes the same trades whatever the disorder. */
  private final SplittableRandom delays;
  private final DelayBuffer held;
  private long newestWritten = Long.MIN_VALUE;

  /**
   * @param trades how many, at least 0
   * @param symbols at least 1
   * @param ratePerSecond trades per second of event time, over all symbols
   */
  public TradeStream(long trades, int symbols, long ratePerSecond, Disorder disorder, long seed) {
    this.trades = trades;
    this.feed = new SyntheticFeed(new SyntheticSettings(true, VENUE, symbols(symbols), seed, ratePerSecond, trades,
        UNUSED_BATCH_SIZE, VOLATILITY, 0, START_MICROS / 1000, false), START_MICROS);
    this.disorder = disorder;
    this.delays = new SplittableRandom(seed).split();
    this.held = new DelayBuffer(disorder.maxDelayMicros());
  }

  /** BTC-USD, ETH-USD and other well-known pairs first (the feed starts them near their real prices), then SYMn-USD. */
  static List<String> symbols(int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add((i < KNOWN_BASES.size() ? KNOWN_BASES.get(i) : "SYM" + (i + 1)) + "-USD");
    }
    return names;
  }

  /** Hands every trade to {@code out} in file order. */
  public void forEach(Consumer<Trade> out) {
    Consumer<Trade> write = trade -> out.accept(arrived(trade));
    for (long i = 0; i < trades; i++) {
      Trade trade = feed.next(0);
      held.releaseOverdue(trade.eventTime(), write);
      if (delays.nextDouble() < disorder.share()) {
        held.hold(trade, 1 + delays.nextLong(disorder.maxDelayMicros()));
      } else {
        write.accept(trade);
        held.releaseDue(trade, write);
      }
    }
    held.drain(write);
  }

  private Trade arrived(Trade t) {
    newestWritten = Math.max(newestWritten, t.eventTime());
    return t.withIngestTime(newestWritten + INGEST_DELAY_MICROS);
  }
}
