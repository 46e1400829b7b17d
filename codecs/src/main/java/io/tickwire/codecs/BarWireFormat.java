package io.tickwire.codecs;

/** Binary layout of a {@link Bar}. */
public final class BarWireFormat implements ElementFormat<Bar> {
  public static final BarWireFormat INSTANCE = new BarWireFormat();

  private BarWireFormat() {
  }

  @Override
  public void write(WireWriter out, Bar bar) {
    out.writeName(bar.venue());
    out.writeName(bar.symbol());
    out.writeVarLong(bar.intervalMillis());
    out.writeTime(bar.start());
    out.writeDouble(bar.open());
    out.writeDouble(bar.high());
    out.writeDouble(bar.low());
    out.writeDouble(bar.close());
    out.writeDouble(bar.volume());
    out.writeDouble(bar.vwap());
    out.writeVarLong(bar.trades());
    out.writeVarLong(bar.revision());
    out.writeTime(bar.end());
    out.writeBoolean(bar.filled());
  }

  @Override
  public Bar read(WireReader in) {
    return new Bar(in.readName(), in.readName(), in.readVarLong(), in.readTime(), in.readDouble(), in.readDouble(),
        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readVarLong(),
        Math.toIntExact(in.readVarLong()), in.readTime(), in.readBoolean());
  }
}
