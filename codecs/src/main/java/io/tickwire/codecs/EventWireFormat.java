package io.tickwire.codecs;

import java.util.ArrayList;
import java.util.List;

/** Binary layout of a {@link MarketEvent}: kind tag, common fields, then the kind's own fields. */
public final class EventWireFormat implements ElementFormat<MarketEvent> {
  public static final EventWireFormat INSTANCE = new EventWireFormat();

  private EventWireFormat() {
  }

  @Override
  public void write(WireWriter out, MarketEvent event) {
    out.writeByte(event.kind().tag());
    out.writeName(event.venue());
    out.writeName(event.symbol());
    out.writeTime(event.eventTime());
    out.writeTime(event.ingestTime());
    out.writeVarLong(event.seq());
    if (event instanceof Trade t) {
      out.writeText(t.tradeId());
      out.writeVarLong(t.price());
      out.writeVarLong(t.size());
      writeSide(out, t.side());
    } else if (event instanceof Quote q) {
      out.writeVarLong(q.bidPrice());
      out.writeVarLong(q.bidSize());
      out.writeVarLong(q.askPrice());
      out.writeVarLong(q.askSize());
    } else if (event instanceof BookUpdate b) {
      writeBook(out, b);
    } else if (event instanceof FeedGap g) {
      out.writeText(g.reason());
    }
  }

  private static void writeBook(WireWriter out, BookUpdate book) {
    out.writeBoolean(book.snapshot());
    out.writeVarUnsigned(book.levels().size());
    for (BookLevel level : book.levels()) {
      writeSide(out, level.side());
      out.writeVarLong(level.price());
      out.writeVarLong(level.size());
    }
  }

  private static void writeSide(WireWriter out, Side side) {
    out.writeByte(side.ordinal());
  }

  @Override
  public MarketEvent read(WireReader in) {
    int tag = in.readByte();
    String venue = in.readName();
    String symbol = in.readName();
    long eventTime = in.readTime();
    long ingestTime = in.readTime();
    long seq = in.readVarLong();
    if (tag == EventKind.TRADE.tag()) {
      return new Trade(venue, symbol, in.readText(), in.readVarLong(), in.readVarLong(), readSide(in), eventTime,
          ingestTime, seq);
    } else if (tag == EventKind.QUOTE.tag()) {
      return new Quote(venue, symbol, in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(),
          eventTime, ingestTime, seq);
    } else if (tag == EventKind.BOOK.tag()) {
      boolean snapshot = in.readBoolean();
      return new BookUpdate(venue, symbol, snapshot, readLevels(in), eventTime, ingestTime, seq);
    } else if (tag == EventKind.GAP.tag()) {
      return new FeedGap(venue, symbol, in.readText(), eventTime, ingestTime, seq);
    }
    throw new WireFormatException("unknown event kind tag " + tag);
  }

  private static List<BookLevel> readLevels(WireReader in) {
    int n = in.readCount("book level");
    List<BookLevel> levels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      levels.add(new BookLevel(readSide(in), in.readVarLong(), in.readVarLong()));
    }
    return levels;
  }

  private static Side readSide(WireReader in) {
    int ordinal = in.readByte();
    if (ordinal < 0 || ordinal >= Side.values().length) {
      throw new WireFormatException("unknown side " + ordinal);
    }
    return Side.values()[ordinal];
  }
}
