package io.tickwire.codecs;

/**
 * Binary layout of a {@link Signal}. Meta is free-form JSON, carried as its JSON text: signals are few (one per
 * rule edge), so a compact structured encoding would not pay for itself.
 */
public final class SignalWireFormat implements ElementFormat<Signal> {
  public static final SignalWireFormat INSTANCE = new SignalWireFormat();

  private SignalWireFormat() {
  }

  @Override
  public void write(WireWriter out, Signal signal) {
    out.writeName(signal.provider());
    out.writeName(signal.symbol());
    out.writeTime(signal.ts());
    out.writeName(signal.name());
    out.writeDouble(signal.value());
    out.writeDouble(signal.score());
    out.writeText(JsonValues.toJson(signal.meta()));
  }

  @Override
  public Signal read(WireReader in) {
    String provider = in.readName();
    String symbol = in.readName();
    long ts = in.readTime();
    String name = in.readName();
    double value = in.readDouble();
    double score = in.readDouble();
    String meta = in.readText();
    try {
      return new Signal(provider, symbol, ts, name, value, score, JsonValues.parseObject(meta, "meta"));
    } catch (V1FormatException e) {
      throw new WireFormatException("signal meta: " + e.getMessage());
    }
  }
}
