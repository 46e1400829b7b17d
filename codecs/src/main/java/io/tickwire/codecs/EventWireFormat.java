package io.tickwire.codecs;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary layout of a {@link MarketEvent}: kind tag, common fields, then the kind's own fields.
 *
 * <p>The tag's high bit ({@link #BACKFILL}) marks a trade fetched from the venue's history. Tags are 1 to 7, so a
 * live trade and every other event are laid out byte for byte as before the flag existed, and frames written then
 * still read the same.
 */
public final class EventWireFormat implements ElementFormat<MarketEvent> {
  public static final EventWireFormat INSTANCE = new EventWireFormat();
  /** Set on a backfilled trade's tag byte. */
  static final int BACKFILL = 0x80;
  private static final int TAG = 0x7F;

  private EventWireFormat() {
  }

  @Override
  public void write(WireWriter out, MarketEvent event) {
    out.writeByte(event.kind().tag() | (event instanceof Trade t && t.backfill() ? BACKFILL : 0));
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
    } else if (event instanceof OptionTicker o) {
      writeOptionTicker(out, o);
    } else if (event instanceof MarkFunding m) {
      writeMarkFunding(out, m);
    } else if (event instanceof VolatilityIndex v) {
      out.writeVarLong(v.value());
    }
  }

  private static void writeOptionTicker(WireWriter out, OptionTicker o) {
    OptionContract contract = o.contract();
    out.writeName(contract.underlying());
    out.writeVarLong(contract.expiry()); // not a delta: it would break the chain of event times
    out.writeVarLong(contract.strike());
    out.writeByte(contract.type().ordinal());
    out.writeVarLong(o.markPrice());
    out.writeVarLong(o.bidPrice());
    out.writeVarLong(o.bidSize());
    out.writeVarLong(o.askPrice());
    out.writeVarLong(o.askSize());
    out.writeVarLong(o.underlyingPrice());
    out.writeVarLong(o.indexPrice());
    out.writeDouble(o.markIv());
    out.writeDouble(o.bidIv());
    out.writeDouble(o.askIv());
    out.writeDouble(o.greeks().delta());
    out.writeDouble(o.greeks().gamma());
    out.writeDouble(o.greeks().vega());
    out.writeDouble(o.greeks().theta());
    out.writeVarLong(o.openInterest());
  }

  private static void writeMarkFunding(WireWriter out, MarkFunding m) {
    out.writeVarLong(m.markPrice());
    out.writeVarLong(m.indexPrice());
    out.writeVarLong(m.settlementPrice());
    out.writeVarLong(m.fundingRate());
    out.writeVarLong(m.nextFundingTime());
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
    int tagByte = in.readByte() & 0xFF;
    int tag = tagByte & TAG;
    boolean backfill = (tagByte & BACKFILL) != 0;
    if (backfill && tag != EventKind.TRADE.tag()) {
      throw new WireFormatException("backfill flag on event kind tag " + tag + ": only trades are backfilled");
    }
    String venue = in.readName();
    String symbol = in.readName();
    long eventTime = in.readTime();
    long ingestTime = in.readTime();
    long seq = in.readVarLong();
    if (tag == EventKind.TRADE.tag()) {
      return new Trade(venue, symbol, in.readText(), in.readVarLong(), in.readVarLong(), readSide(in), eventTime,
          ingestTime, seq, backfill);
    } else if (tag == EventKind.QUOTE.tag()) {
      return new Quote(venue, symbol, in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(),
          eventTime, ingestTime, seq);
    } else if (tag == EventKind.BOOK.tag()) {
      boolean snapshot = in.readBoolean();
      return new BookUpdate(venue, symbol, snapshot, readLevels(in), eventTime, ingestTime, seq);
    } else if (tag == EventKind.GAP.tag()) {
      return new FeedGap(venue, symbol, in.readText(), eventTime, ingestTime, seq);
    } else if (tag == EventKind.OPTION_TICKER.tag()) {
      return readOptionTicker(in, venue, symbol, eventTime, ingestTime, seq);
    } else if (tag == EventKind.MARK_FUNDING.tag()) {
      return new MarkFunding(venue, symbol, in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(),
          in.readVarLong(), eventTime, ingestTime, seq);
    } else if (tag == EventKind.VOLATILITY_INDEX.tag()) {
      return new VolatilityIndex(venue, symbol, in.readVarLong(), eventTime, ingestTime, seq);
    }
    throw new WireFormatException("unknown event kind tag " + tag);
  }

  /** Arguments are read in the order they were written: Java evaluates them left to right. */
  private static OptionTicker readOptionTicker(WireReader in, String venue, String symbol, long eventTime,
      long ingestTime, long seq) {
    OptionContract contract = new OptionContract(requireName(in.readName(), "underlying"), in.readVarLong(),
        in.readVarLong(), readOptionType(in));
    return new OptionTicker(venue, symbol, contract, in.readVarLong(), in.readVarLong(), in.readVarLong(),
        in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readDouble(), in.readDouble(),
        in.readDouble(), new Greeks(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()),
        in.readVarLong(), eventTime, ingestTime, seq);
  }

  private static String requireName(String name, String what) {
    if (name == null) {
      throw new WireFormatException("missing " + what);
    }
    return name;
  }

  private static OptionType readOptionType(WireReader in) {
    int ordinal = in.readByte();
    if (ordinal < 0 || ordinal >= OptionType.values().length) {
      throw new WireFormatException("unknown option type " + ordinal);
    }
    return OptionType.values()[ordinal];
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
