package io.tickwire.codecs;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary layout of a {@link SpotMid}: asset, time, the consolidated figures, then each venue's quote (venue and
 * symbol through the string table, exact prices and sizes as varints), then the perpetual's doubles.
 */
public final class SpotMidWireFormat implements ElementFormat<SpotMid> {
  public static final SpotMidWireFormat INSTANCE = new SpotMidWireFormat();

  private SpotMidWireFormat() {
  }

  @Override
  public void write(WireWriter out, SpotMid sample) {
    out.writeName(sample.asset());
    out.writeTime(sample.ts());
    out.writeDouble(sample.mid());
    out.writeName(sample.quality());
    out.writeVarUnsigned(sample.freshVenues());
    out.writeDouble(sample.dispersionBps());
    out.writeVarUnsigned(sample.venues().size());
    for (VenueQuote quote : sample.venues()) {
      writeQuote(out, quote);
    }
    out.writeDouble(sample.perpMark());
    out.writeDouble(sample.basis());
    out.writeDouble(sample.basisBps());
    out.writeDouble(sample.fundingRate());
  }

  private static void writeQuote(WireWriter out, VenueQuote quote) {
    out.writeName(quote.venue());
    out.writeName(quote.symbol());
    out.writeVarLong(quote.bidPrice());
    out.writeVarLong(quote.bidSize());
    out.writeVarLong(quote.askPrice());
    out.writeVarLong(quote.askSize());
    out.writeVarLong(quote.quoteTime());
    out.writeVarLong(quote.ageMs());
    out.writeBoolean(quote.fresh());
  }

  @Override
  public SpotMid read(WireReader in) {
    String asset = in.readName();
    long ts = in.readTime();
    double mid = in.readDouble();
    String quality = in.readName();
    int fresh = (int) in.readVarUnsigned();
    double dispersion = in.readDouble();
    int n = in.readCount("venue quote");
    List<VenueQuote> venues = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      venues.add(readQuote(in));
    }
    return new SpotMid(asset, ts, mid, quality, fresh, dispersion, venues, in.readDouble(), in.readDouble(),
        in.readDouble(), in.readDouble());
  }

  private static VenueQuote readQuote(WireReader in) {
    return new VenueQuote(in.readName(), in.readName(), in.readVarLong(), in.readVarLong(), in.readVarLong(),
        in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readBoolean());
  }
}
