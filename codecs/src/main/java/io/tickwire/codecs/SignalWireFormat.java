package io.tickwire.codecs;

import java.util.HashMap;
import java.util.Map;

/** Binary layout of a {@link Signal}; meta keys are tabled (they repeat), meta values are inline text. */
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
    out.writeVarUnsigned(signal.meta().size());
    for (Map.Entry<String, String> e : signal.meta().entrySet()) {
      out.writeName(e.getKey());
      out.writeText(e.getValue());
    }
  }

  @Override
  public Signal read(WireReader in) {
    String provider = in.readName();
    String symbol = in.readName();
    long ts = in.readTime();
    String name = in.readName();
    double value = in.readDouble();
    double score = in.readDouble();
    int n = in.readCount("meta entry");
    Map<String, String> meta = new HashMap<>();
    for (int i = 0; i < n; i++) {
      meta.put(in.readName(), in.readText());
    }
    return new Signal(provider, symbol, ts, name, value, score, meta);
  }
}
