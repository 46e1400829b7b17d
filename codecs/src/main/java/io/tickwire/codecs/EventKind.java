package io.tickwire.codecs;

/** The kinds of market event, with their v1 JSON spelling and their binary tag. */
public enum EventKind {
  TRADE("trade", 1),
  QUOTE("quote", 2),
  BOOK("book", 3),
  /** A {@link FeedGap} marker: the feed may have lost events here. */
  GAP("gap", 4),
  /** An {@link OptionTicker}: an option's mark, quotes, implied volatilities and greeks. */
  OPTION_TICKER("option_ticker", 5),
  /** A {@link MarkFunding}: a perpetual future's mark, index and funding rate. */
  MARK_FUNDING("mark_funding", 6),
  /** A {@link VolatilityIndex} value (Deribit's DVOL). */
  VOLATILITY_INDEX("volatility_index", 7);

  private final String wire;
  private final int tag;

  EventKind(String wire, int tag) {
    this.wire = wire;
    this.tag = tag;
  }

  public String wire() {
    return wire;
  }

  public int tag() {
    return tag;
  }

  /** Whether this kind describes derivatives (options, perpetuals, volatility), which no bar is built from. */
  public boolean derivative() {
    return this == OPTION_TICKER || this == MARK_FUNDING || this == VOLATILITY_INDEX;
  }
}
