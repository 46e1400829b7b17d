package io.tickwire.codecs;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary layout of a {@link BookSnapshot}: each side as a count then (price, size) varints, its side implied by
 * its position (bids first), so a level costs no side byte; then the four derived doubles.
 */
public final class BookSnapshotWireFormat implements ElementFormat<BookSnapshot> {
  public static final BookSnapshotWireFormat INSTANCE = new BookSnapshotWireFormat();

  private BookSnapshotWireFormat() {
  }

  @Override
  public void write(WireWriter out, BookSnapshot snapshot) {
    out.writeName(snapshot.venue());
    out.writeName(snapshot.symbol());
    out.writeTime(snapshot.ts());
    writeSide(out, snapshot.bids());
    writeSide(out, snapshot.asks());
    out.writeDouble(snapshot.mid());
    out.writeDouble(snapshot.spreadBps());
    out.writeDouble(snapshot.imbalance5());
    out.writeDouble(snapshot.microprice());
  }

  private static void writeSide(WireWriter out, List<BookLevel> levels) {
    out.writeVarUnsigned(levels.size());
    for (BookLevel level : levels) {
      out.writeVarLong(level.price());
      out.writeVarLong(level.size());
    }
  }

  @Override
  public BookSnapshot read(WireReader in) {
    String venue = in.readName();
    String symbol = in.readName();
    long ts = in.readTime();
    List<BookLevel> bids = readSide(in, Side.BUY);
    List<BookLevel> asks = readSide(in, Side.SELL);
    return new BookSnapshot(venue, symbol, ts, bids, asks, in.readDouble(), in.readDouble(), in.readDouble(),
        in.readDouble());
  }

  private static List<BookLevel> readSide(WireReader in, Side side) {
    int n = in.readCount("book level");
    List<BookLevel> levels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      levels.add(new BookLevel(side, in.readVarLong(), in.readVarLong()));
    }
    return levels;
  }
}
