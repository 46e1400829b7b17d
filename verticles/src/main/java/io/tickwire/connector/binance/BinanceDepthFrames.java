package io.tickwire.connector.binance;

import io.tickwire.codecs.Decimals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Binance depth messages into {@link BinanceDepthSync} terms: a {@code depthUpdate} ({@code U}, {@code u},
 * {@code b}, {@code a}) and a REST {@code /api/v3/depth} snapshot ({@code lastUpdateId}, {@code bids},
 * {@code asks}). Prices and sizes are decimal strings, parsed exactly.
 */
public final class BinanceDepthFrames {
  private BinanceDepthFrames() {
  }

  public static BinanceDepthSync.Diff diff(JsonObject data) {
    return new BinanceDepthSync.Diff(data.getLong("U"), data.getLong("u"), levels(data.getJsonArray("b")),
        levels(data.getJsonArray("a")));
  }

  public static long snapshotId(JsonObject snapshot) {
    return snapshot.getLong("lastUpdateId");
  }

  public static List<BinanceDepthSync.Level> levels(JsonArray pairs) {
    List<BinanceDepthSync.Level> levels = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      JsonArray pair = pairs.getJsonArray(i);
      levels.add(new BinanceDepthSync.Level(Decimals.parse(pair.getString(0)), Decimals.parse(pair.getString(1))));
    }
    return levels;
  }
}
