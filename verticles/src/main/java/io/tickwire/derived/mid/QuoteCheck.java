package io.tickwire.derived.mid;

import io.tickwire.codecs.Decimals;
import java.util.List;

/**
 * What makes a best bid and ask unusable for a mid. A quote that fails is counted by its reason and dropped, so the
 * venue's previous quote stays in force (and ages); it never reaches a sample.
 */
final class QuoteCheck {
  static final String BAD_PRICE = "bad_price";
  static final String BAD_SIZE = "bad_size";
  /** Bid at or above ask: no price is both a buyer's and a seller's, so the mid would be a guess. */
  static final String CROSSED = "crossed";
  static final List<String> REASONS = List.of(BAD_PRICE, BAD_SIZE, CROSSED);

  private QuoteCheck() {
  }

  /** Null when the quote is usable, else why not. */
  static String reason(long bidPrice, long bidSize, long askPrice, long askSize) {
    if (!Decimals.isPositive(bidPrice) || !Decimals.isPositive(askPrice)) {
      return BAD_PRICE;
    }
    if (Decimals.unscaled(bidSize) < 0 || Decimals.unscaled(askSize) < 0) {
      return BAD_SIZE;
    }
    if (Decimals.compare(bidPrice, askPrice) >= 0) {
      return CROSSED;
    }
    return null;
  }
}
