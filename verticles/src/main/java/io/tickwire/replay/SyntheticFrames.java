package io.tickwire.replay;

import io.tickwire.codecs.V1Json;
import io.tickwire.config.SyntheticSettings;
import io.tickwire.connector.SyntheticFeed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Synthetic trades as v1 JSON payloads until a deadline, for load tests. Each stream is its own venue, and its
 * trade ids carry the start time, so neither two streams nor two runs repeat a trade the router would drop as
 * a duplicate.
 */
final class SyntheticFrames implements Iterator<byte[]> {
  private static final double VOLATILITY = 0.8;
  private static final int UNUSED_BATCH_SIZE = 256;
  private static final long WALL_CLOCK_START = -1;
  private static final long UNBOUNDED = -1;

  private final SyntheticFeed feed;
  private final long deadlineNanos;

  SyntheticFrames(String venue, int symbols, long seed, Rate rate, long deadlineNanos) {
    SyntheticSettings settings = new SyntheticSettings(true, venue, symbols(symbols), seed, rate.perSecond(),
        UNBOUNDED, UNUSED_BATCH_SIZE, VOLATILITY, 0, WALL_CLOCK_START, false);
    this.feed = new SyntheticFeed(settings, System.currentTimeMillis() * 1000, true);
    this.deadlineNanos = deadlineNanos;
  }

  /** {@code SYM1-USD .. SYMk-USD}. */
  static List<String> symbols(int k) {
    List<String> names = new ArrayList<>(k);
    for (int i = 1; i <= k; i++) {
      names.add("SYM" + i + "-USD");
    }
    return names;
  }

  @Override
  public boolean hasNext() {
    return System.nanoTime() < deadlineNanos;
  }

  @Override
  public byte[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the deadline has passed");
    }
    return V1Json.toJson(feed.next(0)).getBytes(StandardCharsets.UTF_8);
  }
}
