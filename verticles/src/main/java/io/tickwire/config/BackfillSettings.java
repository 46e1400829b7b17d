package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

import java.net.URI;

/**
 * Backfill of trades from a venue's public REST history when its stream has a hole in trades: where to ask
 * ({@code coinbaseUrl}, the Coinbase Exchange REST base; {@code krakenUrl}, Kraken's; {@code binanceUrl} and {@code binanceFuturesUrl}, Binance's
 * spot and USD-M futures REST bases), how fast ({@code requestsPerSec}, a token bucket per connector, unless the
 * venue's depth snapshots already have one: then both share it), and the bounds of one hole's fetch ({@code maxPages} pages of {@code pageLimit} trades, each answer
 * at most {@code maxBodyBytes}) and of the holes waiting ({@code maxQueued}).
 */
public record BackfillSettings(boolean enabled, URI coinbaseUrl, URI krakenUrl, URI binanceUrl,
    URI binanceFuturesUrl, double requestsPerSec, int maxPages, int pageLimit, int maxBodyBytes, int maxQueued,
    long timeoutMs) {

  static BackfillSettings from(ConfigReader r) {
    return new BackfillSettings(
        r.bool("backfill.enabled"),
        restUrl(r, "backfill.coinbase_url"),
        restUrl(r, "backfill.kraken_url"),
        restUrl(r, "backfill.binance_url"),
        restUrl(r, "backfill.binance_futures_url"),
        r.number("backfill.requests_per_sec", 0.01, 100),
        (int) r.integer("backfill.max_pages", 1, 1000),
        (int) r.integer("backfill.page_limit", 1, 1000),
        (int) r.integer("backfill.max_body_bytes", 1024, 64 << 20),
        (int) r.integer("backfill.max_queued", 1, 100_000),
        r.integer("backfill.timeout_ms", 100, HOUR_MS));
  }

  private static URI restUrl(ConfigReader r, String key) {
    if (r.isNull(key)) {
      return null;
    }
    String text = r.string(key);
    URI uri;
    try {
      uri = URI.create(text.replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw ConfigReader.invalid(key, text, "an http(s)://host URL or null");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
      throw ConfigReader.invalid(key, text, "an http(s)://host URL or null");
    }
    return uri;
  }
}
