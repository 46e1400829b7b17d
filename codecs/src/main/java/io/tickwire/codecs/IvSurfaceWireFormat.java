package io.tickwire.codecs;

import java.util.ArrayList;
import java.util.List;

/** Binary layout of an {@link IvSurface}: identity and times, the figures, then (strike, iv) per smile point. */
public final class IvSurfaceWireFormat implements ElementFormat<IvSurface> {
  public static final IvSurfaceWireFormat INSTANCE = new IvSurfaceWireFormat();

  private IvSurfaceWireFormat() {
  }

  @Override
  public void write(WireWriter out, IvSurface surface) {
    out.writeName(surface.venue());
    out.writeName(surface.underlying());
    out.writeVarLong(surface.expiry());
    out.writeTime(surface.ts());
    out.writeDouble(surface.forward());
    out.writeDouble(surface.atmIv());
    out.writeVarUnsigned(surface.strikesSeen());
    out.writeVarUnsigned(surface.strikesKept());
    out.writeVarLong(surface.oldestInputAgeMs());
    out.writeVarUnsigned(surface.points().size());
    for (SmilePoint point : surface.points()) {
      out.writeVarLong(point.strike());
      out.writeDouble(point.iv());
    }
  }

  @Override
  public IvSurface read(WireReader in) {
    String venue = in.readName();
    String underlying = in.readName();
    long expiry = in.readVarLong();
    long ts = in.readTime();
    double forward = in.readDouble();
    double atmIv = in.readDouble();
    int seen = (int) in.readVarUnsigned();
    int kept = (int) in.readVarUnsigned();
    long oldest = in.readVarLong();
    int n = in.readCount("smile point");
    List<SmilePoint> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      points.add(new SmilePoint(in.readVarLong(), in.readDouble()));
    }
    return new IvSurface(venue, underlying, expiry, ts, forward, atmIv, seen, kept, oldest, points);
  }
}
