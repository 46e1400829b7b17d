package io.tickwire.codecs;

/** The aggressor side of a trade, or the side of a book level. */
public enum Side {
  BUY("buy"),
  SELL("sell");

  private final String wire;

  Side(String wire) {
    this.wire = wire;
  }

  /** The v1 JSON spelling. */
  public String wire() {
    return wire;
  }

  /** Parses the v1 spelling; returns null for anything else so callers can name the field in their error. */
  public static Side fromWire(String text) {
    if ("buy".equals(text)) {
      return BUY;
    }
    if ("sell".equals(text)) {
      return SELL;
    }
    return null;
  }
}
