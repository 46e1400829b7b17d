package io.tickwire.connector.venue;

import io.tickwire.codecs.MarketEvent;

/** Counts what a session puts out into its {@link SessionStats}, then passes it on. */
public final class CountingOutput implements SessionOutput {
  private final SessionStats stats;
  private final SessionOutput next;

  public CountingOutput(SessionStats stats, SessionOutput next) {
    this.stats = stats;
    this.next = next;
  }

  @Override
  public void event(MarketEvent event) {
    switch (event.kind()) {
      case TRADE -> stats.addTrade();
      case QUOTE -> stats.addQuote();
      case BOOK -> stats.addBookUpdate();
      case OPTION_TICKER -> stats.addOptionTicker();
      case MARK_FUNDING -> stats.addMarkFunding();
      case VOLATILITY_INDEX -> stats.addVolatilityIndex();
      case GAP -> { } // counted by gap() as markers
    }
    next.event(event);
  }

  @Override
  public void gap(String symbol, String reason, long receivedMicros) {
    stats.addGapMarker();
    next.gap(symbol, reason, receivedMicros);
  }

  @Override
  public void backfill(String symbol, long afterId, long afterMicros, long beforeId, String reason) {
    next.backfill(symbol, afterId, afterMicros, beforeId, reason);
  }

  @Override
  public void send(String frame) {
    next.send(frame);
  }

  @Override
  public void requestSnapshot(String symbol) {
    next.requestSnapshot(symbol);
  }

  @Override
  public void schemaDrift(String symbol, String detail, String frame) {
    next.schemaDrift(symbol, detail, frame);
  }
}
