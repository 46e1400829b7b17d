package io.tickwire.router.detect;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;

/** Hand-built events for the detector tests; times are epoch microseconds. */
final class Events {
  static final long T0 = 1_700_000_000_000_000L;

  private Events() {
  }

  static Trade trade(String venue, String symbol, String tradeId, double price, long eventTime, long ingestTime) {
    return new Trade(venue, symbol, tradeId, Decimals.fromDouble(price, 2), Decimals.of(1, 0), Side.BUY,
        eventTime, ingestTime, 0);
  }

  static Trade trade(String venue, String symbol, String tradeId, long eventTime) {
    return trade(venue, symbol, tradeId, 100.0, eventTime, eventTime + 1_000);
  }

  static Quote quote(String venue, String symbol, long eventTime) {
    return new Quote(venue, symbol, Decimals.of(9999, 2), Decimals.of(1, 0), Decimals.of(10001, 2),
        Decimals.of(1, 0), eventTime, eventTime + 1_000, 0);
  }
}
