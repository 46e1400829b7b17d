package io.tickwire.connector.binance;

/**
 * Binance's spot market and its USD-M futures market: one stream protocol, with differences in where depth
 * snapshots come from, what a snapshot request weighs, how consecutive depth diffs chain, and which stream carries
 * trades. The futures market's events carry the venue {@code binance_futures}, so a perpetual ({@code BTCUSDT})
 * never shares a symbol key with the spot pair of the same name downstream (bars, books, deduplication).
 */
public enum BinanceMarket {
  /** {@code /api/v3/depth}; each diff's {@code U} is the previous diff's {@code u + 1}. */
  SPOT("binance", "/api/v3/depth", 6_000, 5_000, "@trade"),
  /**
   * {@code /fapi/v1/depth}; each diff's {@code pu} is the previous diff's {@code u}. Trades from {@code aggTrade}
   * (the futures market's documented trade stream); mark price and funding from {@code markPrice@1s}.
   */
  USDM("binance_futures", "/fapi/v1/depth", 2_400, 1_000, "@aggTrade");

  private final String venue;
  private final String depthPath;
  private final int weightPerMinute;
  private final int maxDepthLimit;
  private final String tradeStream;

  BinanceMarket(String venue, String depthPath, int weightPerMinute, int maxDepthLimit, String tradeStream) {
    this.venue = venue;
    this.depthPath = depthPath;
    this.weightPerMinute = weightPerMinute;
    this.maxDepthLimit = maxDepthLimit;
    this.tradeStream = tradeStream;
  }

  /** The venue name stamped on this market's events. */
  public String venue() {
    return venue;
  }

  /** The REST path of depth snapshots. */
  public String depthPath() {
    return depthPath;
  }

  /** Binance's default request weight per IP and minute on this market's REST API. */
  public int weightPerMinute() {
    return weightPerMinute;
  }

  /** The deepest snapshot the depth endpoint serves. */
  public int maxDepthLimit() {
    return maxDepthLimit;
  }

  /** The stream suffix the {@code trades} channel subscribes to. */
  public String tradeStream() {
    return tradeStream;
  }

  /** The documented request weight of a depth snapshot of {@code limit} levels. */
  public int depthWeight(int limit) {
    if (this == USDM) {
      if (limit <= 50) {
        return 2;
      }
      if (limit <= 100) {
        return 5;
      }
      return limit <= 500 ? 10 : 20;
    }
    if (limit <= 100) {
      return 5;
    }
    if (limit <= 500) {
      return 25;
    }
    return limit <= 1000 ? 50 : 250;
  }

  /** The market whose events carry {@code venue}. */
  public static BinanceMarket ofVenue(String venue) {
    for (BinanceMarket market : values()) {
      if (market.venue.equals(venue)) {
        return market;
      }
    }
    throw new IllegalArgumentException("no Binance market for venue '" + venue + "'");
  }
}
