package io.tickwire.coverage;

import io.tickwire.codecs.EventKind;

/** The streams of one (venue, symbol) the ledger keeps apart: trades, the order book and quotes. */
public enum Channel {
  TRADES("trades"),
  BOOK("book"),
  QUOTES("quotes");

  private final String wire;

  Channel(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The channel an event of {@code kind} belongs to; null for kinds the ledger does not follow (gaps, derivatives). */
  public static Channel of(EventKind kind) {
    return switch (kind) {
      case TRADE -> TRADES;
      case BOOK -> BOOK;
      case QUOTE -> QUOTES;
      default -> null;
    };
  }

  /** Parses a wire name; the message names the bad value and the accepted ones. */
  public static Channel parse(String wire) {
    for (Channel c : values()) {
      if (c.wire.equals(wire)) {
        return c;
      }
    }
    throw new IllegalArgumentException("channel '" + wire + "': expected trades, book or quotes");
  }
}
