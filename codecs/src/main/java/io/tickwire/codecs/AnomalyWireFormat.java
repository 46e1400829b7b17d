package io.tickwire.codecs;

/** Binary layout of an {@link Anomaly}; the type repeats (tabled), the detail rarely does (inline). */
public final class AnomalyWireFormat implements ElementFormat<Anomaly> {
  public static final AnomalyWireFormat INSTANCE = new AnomalyWireFormat();

  private AnomalyWireFormat() {
  }

  @Override
  public void write(WireWriter out, Anomaly anomaly) {
    out.writeName(anomaly.venue());
    out.writeName(anomaly.symbol());
    out.writeName(anomaly.type());
    out.writeTime(anomaly.ts());
    out.writeText(anomaly.detail());
    out.writeDouble(anomaly.measure());
  }

  @Override
  public Anomaly read(WireReader in) {
    return new Anomaly(in.readName(), in.readName(), in.readName(), in.readTime(), in.readText(), in.readDouble());
  }
}
