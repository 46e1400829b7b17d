package io.tickwire.recorder;

import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.VolatilityIndex;

/**
 * A cheap estimate of the heap one recorded event holds, so the recorder can honour {@code max_bytes} without
 * measuring anything at 800k events/s. Figures assume a 64-bit JVM with compressed references (12-byte object
 * headers, 4-byte references, 8-byte alignment):
 * <ul>
 *   <li>every event: {@value #SLOT} bytes of ring slot (reference, event time, size);</li>
 *   <li>Trade {@value #TRADE}, Quote {@value #QUOTE}, BookUpdate {@value #BOOK} bytes for the record itself
 *       (a book adds its immutable list, {@value #LIST} bytes, and {@value #LEVEL} bytes per level: the
 *       BookLevel object plus its array slot);</li>
 *   <li>OptionTicker {@value #OPTION_TICKER} bytes with its contract and greeks records, MarkFunding
 *       {@value #MARK_FUNDING}, VolatilityIndex {@value #VOLATILITY_INDEX};</li>
 *   <li>every string field (venue, symbol, trade id, an option's underlying): {@value #STRING} bytes of String and
 *       array headers plus one byte per char (Latin-1 compact strings).</li>
 * </ul>
 * Venue and symbol are often shared instances; counting them per event over-estimates, which errs on the side of
 * holding less than {@code max_bytes}, never more.
 */
final class EventSizes {
  static final int SLOT = 16;
  static final int TRADE = 72;
  static final int QUOTE = 80;
  static final int BOOK = 56;
  static final int LIST = 32;
  static final int LEVEL = 36;
  static final int STRING = 40;
  static final int OPTION_TICKER = 144 + 40 + 48;
  static final int MARK_FUNDING = 88;
  static final int VOLATILITY_INDEX = 56;

  private EventSizes() {
  }

  static int estimate(MarketEvent event) {
    int strings = string(event.venue()) + string(event.symbol());
    if (event instanceof Trade trade) {
      return SLOT + TRADE + strings + string(trade.tradeId());
    }
    if (event instanceof BookUpdate book) {
      return SLOT + BOOK + LIST + LEVEL * book.levels().size() + strings;
    }
    if (event instanceof OptionTicker ticker) {
      return SLOT + OPTION_TICKER + strings + string(ticker.contract().underlying());
    }
    if (event instanceof MarkFunding) {
      return SLOT + MARK_FUNDING + strings;
    }
    if (event instanceof VolatilityIndex) {
      return SLOT + VOLATILITY_INDEX + strings;
    }
    return SLOT + QUOTE + strings;
  }

  private static int string(String s) {
    return STRING + s.length();
  }
}
