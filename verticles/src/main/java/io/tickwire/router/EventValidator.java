package io.tickwire.router;

import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Trade;

/**
 * Required-field checks every event must pass before it is routed. Returns the reason an event is rejected,
 * as a short lowercase label (bounded set, safe as a metric label), or null when it is good.
 */
public final class EventValidator {
  /** Events more than a day ahead of the wall clock are rejected: a broken clock, not a market. */
  private static final long MAX_FUTURE_MICROS = 86_400_000_000L;

  private EventValidator() {
  }

  public static String rejectReason(MarketEvent event, long nowMicros) {
    if (event.venue().isEmpty()) {
      return "missing_venue";
    }
    if (event.symbol().isEmpty()) {
      return "missing_symbol";
    }
    if (event.eventTime() <= 0 || event.eventTime() > nowMicros + MAX_FUTURE_MICROS) {
      return "bad_event_time";
    }
    if (event instanceof Trade t) {
      return tradeReason(t);
    }
    if (event instanceof Quote q) {
      return quoteReason(q);
    }
    if (event instanceof FeedGap g) {
      return g.reason().isBlank() ? "missing_reason" : null;
    }
    return bookReason((BookUpdate) event);
  }

  private static String tradeReason(Trade t) {
    if (t.tradeId().isEmpty()) {
      return "missing_trade_id";
    }
    if (!Decimals.isPositive(t.price())) {
      return "bad_price";
    }
    if (!Decimals.isPositive(t.size())) {
      return "bad_size";
    }
    return null;
  }

  private static String quoteReason(Quote q) {
    if (!Decimals.isPositive(q.bidPrice()) || !Decimals.isPositive(q.askPrice())) {
      return "bad_price";
    }
    if (Decimals.unscaled(q.bidSize()) < 0 || Decimals.unscaled(q.askSize()) < 0) {
      return "bad_size";
    }
    return null;
  }

  private static String bookReason(BookUpdate b) {
    for (BookLevel level : b.levels()) {
      if (!Decimals.isPositive(level.price())) {
        return "bad_price";
      }
      if (Decimals.unscaled(level.size()) < 0) {
        return "bad_size";
      }
    }
    return null;
  }
}
