package io.tickwire.connector;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.config.SyntheticSettings;
import io.tickwire.flow.Clock;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic trade stream: for one seed, the same sequence of trades (every field but the
 * ingest time, which is the real clock). Prices follow geometric Brownian motion per symbol, arrivals are a
 * Poisson process in event time, sizes are log-normal, sides fair coin flips. Event times may be shifted back
 * by a bounded random jitter so the stream arrives out of order within that bound.
 *
 * <p>With a finite rate the event clock advances at that many events per second, so it tracks the wall clock
 * when the connector paces itself; at {@code max} it advances as if at one million events per second.
 */
public final class SyntheticFeed {
  static final long MAX_RATE_NOMINAL = 1_000_000L;
  private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;
  private static final int PRICE_SCALE = 2;
  private static final int SIZE_SCALE = 6;
  private static final long MIN_SIZE_UNSCALED = 1;

  private final SplittableRandom random;
  private final String venue;
  private final String[] symbols;
  private final double[] prices;
  private final long[] lastTime;
  private final long[] nextTradeId;
  private final double sigmaPerSqrtSecond;
  private final double meanGapMicros;
  private final long jitterMicros;
  private final String idPrefix;
  private final boolean wallClock;
  /** Live data sent to a node, whose router refuses events stamped ahead of its clock. */
  private final boolean boundedByWallClock;
  private long clock;

  /** A feed whose event clock runs free: a replay-like stream generated ahead of use. */
  public SyntheticFeed(SyntheticSettings settings, long startMicros) {
    this(settings, startMicros, false);
  }

  /**
   * @param boundedByWallClock keep the event clock from running ahead of the wall clock (at rate max it would):
   *     for a live stream without a fixed start time
   */
  public SyntheticFeed(SyntheticSettings settings, long startMicros, boolean boundedByWallClock) {
    this.random = new SplittableRandom(settings.seed());
    this.venue = settings.venue();
    List<String> list = settings.symbols();
    this.symbols = list.toArray(new String[0]);
    this.prices = new double[symbols.length];
    this.lastTime = new long[symbols.length];
    this.nextTradeId = new long[symbols.length];
    for (int i = 0; i < symbols.length; i++) {
      prices[i] = startPrice(symbols[i]);
      lastTime[i] = startMicros;
      nextTradeId[i] = 1;
    }
    this.sigmaPerSqrtSecond = settings.volatility() / Math.sqrt(SECONDS_PER_YEAR);
    this.meanGapMicros = 1e6 / (settings.maxRate() ? MAX_RATE_NOMINAL : settings.rate());
    this.jitterMicros = settings.jitterMs() * 1000;
    this.clock = startMicros;
    this.wallClock = settings.wallClock();
    this.boundedByWallClock = boundedByWallClock;
    // A run on the wall clock is new data: its trade ids must not collide with an earlier run's, or the
    // database's idempotent insert would drop them as replays. A run from a fixed start_time is a replay and
    // keeps the same ids. Prefixing the start keeps ids numeric and increasing.
    this.idPrefix = settings.startTime() >= 0 ? "" : Long.toString(startMicros);
  }

  private String tradeId(long n) {
    if (idPrefix.isEmpty()) {
      return Long.toString(n);
    }
    String digits = Long.toString(n);
    return idPrefix + "0".repeat(Math.max(0, 12 - digits.length())) + digits;
  }

  /** Plausible starting prices for well-known symbols so charts look familiar; 100 for anything else. */
  static double startPrice(String symbol) {
    String base = symbol.contains("-") ? symbol.substring(0, symbol.indexOf('-')) : symbol;
    return switch (base) {
      case "BTC" -> 65_000.0;
      case "ETH" -> 3_200.0;
      case "SOL" -> 150.0;
      default -> 100.0;
    };
  }

  /** A bounded clock stops at the wall clock but never goes back, so the stream stays in order. */
  private long advance(long next, long ingestMicros) {
    if (!boundedByWallClock) {
      return next;
    }
    long now = ingestMicros > 0 ? ingestMicros : Clock.nowMicros();
    return Math.max(clock, Math.min(next, now));
  }

  public Trade next(long ingestMicros) {
    clock = advance(clock + Math.max(1L, Math.round(-Math.log(1.0 - random.nextDouble()) * meanGapMicros)),
        ingestMicros);
    int s = random.nextInt(symbols.length);
    double dtSeconds = (clock - lastTime[s]) / 1e6;
    lastTime[s] = clock;
    prices[s] *= Math.exp(sigmaPerSqrtSecond * Math.sqrt(dtSeconds) * random.nextGaussian()
        - 0.5 * sigmaPerSqrtSecond * sigmaPerSqrtSecond * dtSeconds);
    long price = Decimals.fromDouble(Math.max(prices[s], 0.01), PRICE_SCALE);
    double sizeUnits = Math.exp(-3.0 + 1.2 * random.nextGaussian());
    long size = Decimals.of(Math.max(MIN_SIZE_UNSCALED, Math.round(sizeUnits * 1e6)), SIZE_SCALE);
    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
    long base = wallClock ? ingestMicros : clock;
    long eventTime = jitterMicros > 0 ? base - random.nextLong(jitterMicros + 1) : base;
    return new Trade(venue, symbols[s], tradeId(nextTradeId[s]++), price, size, side, eventTime, ingestMicros, 0);
  }
}
