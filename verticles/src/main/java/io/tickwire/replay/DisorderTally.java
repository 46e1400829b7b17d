package io.tickwire.replay;

import io.tickwire.codecs.Trade;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures how out of order a written stream is, as its consumers will see it: a trade is out of order when a newer
 * trade of its (venue, symbol) was written before it (the router's {@code out_of_order}); its lag is how far it
 * trails the newest trade of any symbol written before it (what a watermark must allow for).
 */
final class DisorderTally {
  private final Map<String, Long> newestBySymbol = new HashMap<>();
  private long newest = Long.MIN_VALUE;
  private long trades;
  private long outOfOrder;
  private long maxLagMicros;

  void written(Trade trade) {
    trades++;
    long time = trade.eventTime();
    if (newest > time) {
      maxLagMicros = Math.max(maxLagMicros, newest - time);
    }
    newest = Math.max(newest, time);
    String key = trade.venue() + '|' + trade.symbol();
    Long symbolNewest = newestBySymbol.get(key);
    if (symbolNewest != null && symbolNewest > time) {
      outOfOrder++;
    } else {
      newestBySymbol.put(key, time);
    }
  }

  long trades() {
    return trades;
  }

  long outOfOrder() {
    return outOfOrder;
  }

  long maxLagMicros() {
    return maxLagMicros;
  }
}
