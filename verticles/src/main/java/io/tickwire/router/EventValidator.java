package io.tickwire.router;

import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Names;
import io.tickwire.codecs.OptionContract;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.VolatilityIndex;

/**
 * Required-field checks every event must pass before it is routed. Returns the reason an event is rejected,
 * as a short lowercase label (bounded set, safe as a metric label), or null when it is good.
 */
public final class EventValidator {
  /** Stamped further ahead of the node's clock than {@code ingest.max_future_ms}: a broken clock, not a market. */
  public static final String FUTURE_TIMESTAMP = "future_timestamp";
  /** A venue, symbol or trade id outside {@link Names}' limits. */
  public static final String BAD_FIELD = "bad_field";

  private EventValidator() {
  }

  /**
   * @param nowMicros this node's clock
   * @param maxFutureMicros how far ahead of it an event may be stamped
   */
  public static String rejectReason(MarketEvent event, long nowMicros, long maxFutureMicros) {
    String reason = nameReason(event);
    return reason != null ? reason : valueReason(event, nowMicros, maxFutureMicros);
  }

  /** The checks of the event's venue and symbol alone, which a (venue, symbol) passes once for all its events. */
  public static String nameReason(MarketEvent event) {
    if (event.venue().isEmpty()) {
      return "missing_venue";
    }
    if (event.symbol().isEmpty()) {
      return "missing_symbol";
    }
    if (Names.venueProblem(event.venue()) != null || Names.symbolProblem(event.symbol()) != null) {
      return BAD_FIELD;
    }
    return null;
  }

  /** Every check but {@link #nameReason}'s. */
  public static String valueReason(MarketEvent event, long nowMicros, long maxFutureMicros) {
    if (event.eventTime() <= 0) {
      return "bad_event_time";
    }
    if (event.eventTime() - nowMicros > maxFutureMicros) {
      return FUTURE_TIMESTAMP;
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
    if (event instanceof OptionTicker o) {
      return optionTickerReason(o);
    }
    if (event instanceof MarkFunding m) {
      return markFundingReason(m);
    }
    if (event instanceof VolatilityIndex v) {
      return Decimals.isPositive(v.value()) ? null : "bad_value";
    }
    return bookReason((BookUpdate) event);
  }

  /** Zero stands for "none" (no bid, no ask), so only negative prices and sizes are wrong. */
  private static String optionTickerReason(OptionTicker o) {
    OptionContract contract = o.contract();
    if (contract.underlying().isEmpty() || Names.symbolProblem(contract.underlying()) != null) {
      return BAD_FIELD;
    }
    if (contract.expiry() <= 0) {
      return "bad_expiry";
    }
    if (!Decimals.isPositive(contract.strike()) || anyNegative(o.markPrice(), o.bidPrice(), o.askPrice(),
        o.underlyingPrice(), o.indexPrice())) {
      return "bad_price";
    }
    if (anyNegative(o.bidSize(), o.askSize(), o.openInterest())) {
      return "bad_size";
    }
    return null;
  }

  /** A funding rate may be negative (shorts pay longs); prices may not, and a mark price must be there. */
  private static String markFundingReason(MarkFunding m) {
    if (!Decimals.isPositive(m.markPrice()) || anyNegative(m.indexPrice(), m.settlementPrice())) {
      return "bad_price";
    }
    if (m.nextFundingTime() < 0) {
      return "bad_funding_time";
    }
    return null;
  }

  private static boolean anyNegative(long... packed) {
    for (long value : packed) {
      if (Decimals.unscaled(value) < 0) {
        return true;
      }
    }
    return false;
  }

  private static String tradeReason(Trade t) {
    if (t.tradeId().isEmpty()) {
      return "missing_trade_id";
    }
    if (Names.tradeIdProblem(t.tradeId()) != null) {
      return BAD_FIELD;
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
