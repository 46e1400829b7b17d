package io.tickwire.testing;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Trade streams for bar tests: seeded random walks, and shuffles that stay within a lateness. */
public final class TestStreams {
  private TestStreams() {
  }

  /**
   * A random walk of one symbol's trades, one every {@code stepMicros} on average from {@code from} to {@code to}
   * (epoch µs), event times truncated to the millisecond so ties fall to the numeric trade id; ids are numbered from
   * {@code firstId}.
   */
  public static List<Trade> walk(String venue, String symbol, long from, long to, long stepMicros, long firstId,
      Random random) {
    List<Trade> out = new ArrayList<>();
    long price = 100_000;
    long id = firstId;
    for (long t = from; t < to; t += 1 + (long) (random.nextDouble() * 2 * stepMicros)) {
      price = Math.max(1, price + random.nextInt(21) - 10);
      long size = 1 + random.nextInt(5_000);
      out.add(new Trade(venue, symbol, Long.toString(id++), Decimals.of(price, 2), Decimals.of(size, 4),
          random.nextBoolean() ? Side.BUY : Side.SELL, t / 1000 * 1000, 0, 0));
    }
    return out;
  }

  /** {@code trades} sorted by event time, ties by numeric trade id. */
  public static List<Trade> sorted(List<Trade> trades) {
    List<Trade> out = new ArrayList<>(trades);
    out.sort(Comparator.comparingLong(Trade::eventTime).thenComparingLong(t -> Long.parseLong(t.tradeId())));
    return out;
  }

  /** Displaces each trade by sorting on event time plus a random delay below {@code maxDelayMicros}. */
  public static List<Trade> shuffleWithin(List<Trade> sorted, long maxDelayMicros, Random random) {
    List<long[]> keyed = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      keyed.add(new long[] {sorted.get(i).eventTime() + (long) (random.nextDouble() * maxDelayMicros), i});
    }
    keyed.sort(Comparator.comparingLong(k -> k[0]));
    List<Trade> out = new ArrayList<>(sorted.size());
    for (long[] k : keyed) {
      out.add(sorted.get((int) k[1]));
    }
    return out;
  }
}
