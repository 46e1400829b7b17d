package io.tickwire.connector.binance;

import static io.tickwire.connector.FrameFields.array;
import static io.tickwire.connector.FrameFields.number;

import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Binance depth messages into {@link BinanceDepthSync} terms: a {@code depthUpdate} ({@code U}, {@code u}, on
 * futures {@code pu}, {@code b}, {@code a}, event time {@code E}) and a REST depth snapshot ({@code lastUpdateId},
 * {@code bids}, {@code asks}). Prices and sizes are decimal strings, parsed exactly. A field of the wrong shape
 * throws {@link IllegalArgumentException} naming it.
 */
public final class BinanceDepthFrames {
  private BinanceDepthFrames() {
  }

  public static BinanceDepthSync.Diff diff(JsonObject data) {
    return diff(data, 0);
  }

  /**
   * A {@code depthUpdate} received at {@code receivedMicros}; its event time {@code E} (ms) becomes micros. A
   * futures diff's {@code pu} is kept; spot diffs have none.
   */
  public static BinanceDepthSync.Diff diff(JsonObject data, long receivedMicros) {
    long previous = data.containsKey("pu") ? number(data, "pu") : BinanceDepthSync.Diff.NO_PREVIOUS;
    return new BinanceDepthSync.Diff(number(data, "U"), number(data, "u"), levels(array(data, "b")),
        levels(array(data, "a")), number(data, "E") * 1000, receivedMicros, previous);
  }

  public static long snapshotId(JsonObject snapshot) {
    return number(snapshot, "lastUpdateId");
  }

  public static List<BinanceDepthSync.Level> levels(JsonArray pairs) {
    List<BinanceDepthSync.Level> levels = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      Object pair = pairs.getValue(i);
      if (!(pair instanceof JsonArray p) || p.size() < 2 || !(p.getValue(0) instanceof String price)
          || !(p.getValue(1) instanceof String size)) {
        throw new IllegalArgumentException("a level must be [\"price\", \"size\"], got " + pair);
      }
      long parsedSize = Decimals.parse(size);
      if (Decimals.unscaled(parsedSize) < 0) {
        // Rejected here, whole frame at once, rather than by the book halfway through applying it.
        throw new IllegalArgumentException("negative size in level " + pair);
      }
      levels.add(new BinanceDepthSync.Level(Decimals.parse(price), parsedSize));
    }
    return levels;
  }

  /** Bids then asks as book levels, for publishing what reached the book. */
  public static List<BookLevel> bookLevels(List<BinanceDepthSync.Level> bids, List<BinanceDepthSync.Level> asks) {
    List<BookLevel> out = new ArrayList<>(bids.size() + asks.size());
    bids.forEach(l -> out.add(new BookLevel(Side.BUY, l.price(), l.size())));
    asks.forEach(l -> out.add(new BookLevel(Side.SELL, l.price(), l.size())));
    return out;
  }
}
