package io.tickwire.codecs;

import java.util.HashMap;
import java.util.Map;

/** Binary layout of a {@link FeatureSnapshot}; feature names go through the string table (they repeat per symbol). */
public final class FeatureWireFormat implements ElementFormat<FeatureSnapshot> {
  public static final FeatureWireFormat INSTANCE = new FeatureWireFormat();

  private FeatureWireFormat() {
  }

  @Override
  public void write(WireWriter out, FeatureSnapshot snapshot) {
    out.writeName(snapshot.venue());
    out.writeName(snapshot.symbol());
    out.writeTime(snapshot.ts());
    out.writeDouble(snapshot.price());
    out.writeVarUnsigned(snapshot.features().size());
    for (Map.Entry<String, Double> e : snapshot.features().entrySet()) {
      out.writeName(e.getKey());
      out.writeDouble(e.getValue());
    }
  }

  @Override
  public FeatureSnapshot read(WireReader in) {
    String venue = in.readName();
    String symbol = in.readName();
    long ts = in.readTime();
    double price = in.readDouble();
    int n = in.readCount("feature");
    Map<String, Double> features = new HashMap<>();
    for (int i = 0; i < n; i++) {
      features.put(in.readName(), in.readDouble());
    }
    return new FeatureSnapshot(venue, symbol, ts, price, features);
  }
}
