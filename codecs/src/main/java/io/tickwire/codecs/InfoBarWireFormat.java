package io.tickwire.codecs;

/** Binary layout of an {@link InfoBar}. */
public final class InfoBarWireFormat implements ElementFormat<InfoBar> {
  public static final InfoBarWireFormat INSTANCE = new InfoBarWireFormat();
  private static final InfoBar.Kind[] KINDS = InfoBar.Kind.values();

  private InfoBarWireFormat() {
  }

  @Override
  public void write(WireWriter out, InfoBar bar) {
    out.writeName(bar.venue());
    out.writeName(bar.symbol());
    out.writeByte(bar.kind().ordinal());
    out.writeDouble(bar.threshold());
    out.writeTime(bar.start());
    out.writeTime(bar.end());
    out.writeDouble(bar.open());
    out.writeDouble(bar.high());
    out.writeDouble(bar.low());
    out.writeDouble(bar.close());
    out.writeDouble(bar.volume());
    out.writeDouble(bar.notional());
    out.writeVarLong(bar.trades());
    out.writeText(bar.firstTradeId());
  }

  @Override
  public InfoBar read(WireReader in) {
    String venue = in.readName();
    String symbol = in.readName();
    int kind = in.readByte();
    if (kind < 0 || kind >= KINDS.length) {
      throw new WireFormatException("unknown information bar kind " + kind);
    }
    return new InfoBar(venue, symbol, KINDS[kind], in.readDouble(), in.readTime(), in.readTime(), in.readDouble(),
        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readVarLong(), in.readText());
  }
}
