package io.tickwire.connector;

import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Trade;

/**
 * Stamps the receive time on events whose producer left {@code ingest_ts} out (0): an external producer cannot
 * know when we received its event, and latency measurements need it. A producer-given time is kept, so a
 * replayed capture keeps its original ingest times.
 */
final class IngestTimes {
  private IngestTimes() {
  }

  static MarketEvent stamped(MarketEvent event, long receivedMicros) {
    if (event.ingestTime() != 0) {
      return event;
    }
    if (event instanceof Trade t) {
      return new Trade(t.venue(), t.symbol(), t.tradeId(), t.price(), t.size(), t.side(), t.eventTime(),
          receivedMicros, t.seq());
    }
    if (event instanceof Quote q) {
      return new Quote(q.venue(), q.symbol(), q.bidPrice(), q.bidSize(), q.askPrice(), q.askSize(), q.eventTime(),
          receivedMicros, q.seq());
    }
    if (event instanceof FeedGap g) {
      return new FeedGap(g.venue(), g.symbol(), g.reason(), g.eventTime(), receivedMicros, g.seq());
    }
    BookUpdate b = (BookUpdate) event;
    return new BookUpdate(b.venue(), b.symbol(), b.snapshot(), b.levels(), b.eventTime(), receivedMicros, b.seq());
  }
}
