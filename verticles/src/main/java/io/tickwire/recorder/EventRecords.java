package io.tickwire.recorder;

import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.EventKind;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.StringInterner;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link MarketEvent} as a self-contained record of the flight recorder's ring: the fields in the order of the
 * event-bus format ({@code EventWireFormat}: kind tag, venue, symbol, times, sequence, then the kind's own fields),
 * but each record decodes alone. The bus format is per batch (a string table at the batch's end, each time a delta
 * from the previous event's), while the ring drops its oldest record one at a time. So venue and symbol are inline,
 * and the event time is not in the record at all: the ring keeps it in its slot, and the ingest time is stored
 * as the difference from it (a few hundred microseconds: two bytes). The derivatives kinds, far rarer than trades,
 * books and quotes, follow the header as their v1 JSON line. As on the bus, the tag's high bit marks a backfilled
 * trade.
 */
final class EventRecords {
  private static final Side[] SIDES = Side.values();
  private static final int BACKFILL = 0x80;
  private static final int TAG = 0x7F;

  private EventRecords() {
  }

  /** Appends {@code event}'s record, its event time excepted, to {@code out}. */
  static void write(RecordWriter out, MarketEvent event) {
    out.writeByte(event.kind().tag() | (event instanceof Trade t && t.backfill() ? BACKFILL : 0));
    out.writeText(event.venue());
    out.writeText(event.symbol());
    out.writeVarLong(event.ingestTime() - event.eventTime());
    out.writeVarLong(event.seq());
    if (event instanceof Trade t) {
      writeTrade(out, t);
    } else if (event instanceof Quote q) {
      writeQuote(out, q);
    } else if (event instanceof BookUpdate b) {
      writeBook(out, b);
    } else if (event instanceof FeedGap g) {
      out.writeText(g.reason());
    } else {
      out.writeText(V1Json.toJson(event)); // derivatives: a few hundred a second at most, so text is cheap enough
    }
  }

  private static void writeTrade(RecordWriter out, Trade trade) {
    out.writeText(trade.tradeId());
    out.writeVarLong(trade.price());
    out.writeVarLong(trade.size());
    out.writeByte(trade.side().ordinal());
  }

  private static void writeQuote(RecordWriter out, Quote quote) {
    out.writeVarLong(quote.bidPrice());
    out.writeVarLong(quote.bidSize());
    out.writeVarLong(quote.askPrice());
    out.writeVarLong(quote.askSize());
  }

  private static void writeBook(RecordWriter out, BookUpdate book) {
    List<BookLevel> levels = book.levels();
    out.writeBoolean(book.snapshot());
    out.writeVarUnsigned(levels.size());
    for (int i = 0; i < levels.size(); i++) { // by index: no iterator per book
      BookLevel level = levels.get(i);
      out.writeByte(level.side().ordinal());
      out.writeVarLong(level.price());
      out.writeVarLong(level.size());
    }
  }

  /** The event whose record {@code in} is at, with the event time its slot kept. */
  static MarketEvent read(RecordReader in, long eventTime) {
    int tagByte = in.readByte() & 0xFF;
    int tag = tagByte & TAG;
    // Interned: a capture holds thousands of events naming the same few venues and symbols.
    String venue = StringInterner.intern(in.readText());
    String symbol = StringInterner.intern(in.readText());
    long ingestTime = eventTime + in.readVarLong();
    long seq = in.readVarLong();
    if (tag == EventKind.TRADE.tag()) {
      return new Trade(venue, symbol, in.readText(), in.readVarLong(), in.readVarLong(), SIDES[in.readByte()],
          eventTime, ingestTime, seq, (tagByte & BACKFILL) != 0);
    } else if (tag == EventKind.QUOTE.tag()) {
      return new Quote(venue, symbol, in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(),
          eventTime, ingestTime, seq);
    } else if (tag == EventKind.BOOK.tag()) {
      boolean snapshot = in.readBoolean();
      return new BookUpdate(venue, symbol, snapshot, readLevels(in), eventTime, ingestTime, seq);
    } else if (tag == EventKind.GAP.tag()) {
      return new FeedGap(venue, symbol, in.readText(), eventTime, ingestTime, seq);
    } else if (tag == EventKind.OPTION_TICKER.tag() || tag == EventKind.MARK_FUNDING.tag()
        || tag == EventKind.VOLATILITY_INDEX.tag()) {
      return V1Json.readEvent(in.readText());
    }
    throw new IllegalStateException("unknown event kind tag " + tag + " in the recorder's ring");
  }

  private static List<BookLevel> readLevels(RecordReader in) {
    int n = (int) in.readVarUnsigned();
    List<BookLevel> levels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      levels.add(new BookLevel(SIDES[in.readByte()], in.readVarLong(), in.readVarLong()));
    }
    return levels;
  }
}
