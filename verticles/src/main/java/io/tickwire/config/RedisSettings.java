package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

import java.util.List;

/**
 * The Redis hot cache ({@code redis.*}): off when {@code url} is null and {@code embedded} false; every key expires
 * after {@code keyTtlMs}. {@code mdV1Asset} (null: the first spot-mid asset) is the asset whose consolidated mid and
 * volatility surfaces the {@code md:v1:*} keys of an older service's readers hold; {@code mdV1WindowMaxlen} caps its
 * stream of recent mids.
 */
public record RedisSettings(String url, boolean embedded, int embeddedPort, long streamMaxlen, int queue,
    long keyTtlMs, String mdV1Asset, long mdV1WindowMaxlen) {

  public boolean enabled() {
    return url != null || embedded;
  }

  static RedisSettings from(ConfigReader r) {
    String url = Credentials.optionalUrl(r, "redis.url", List.of("redis", "rediss"),
        "a URL like redis://host:6379, or null");
    return new RedisSettings(url, r.bool("redis.embedded"), (int) r.integer("redis.embedded_port", 0, 65_535),
        r.integer("redis.stream_maxlen", 1, 100_000_000), (int) r.integer("redis.queue", 1, 1_000_000),
        r.integer("redis.key_ttl_ms", 1_000, 365 * 24 * HOUR_MS), r.optionalString("redis.md_v1.asset"),
        r.integer("redis.md_v1.window_maxlen", 1, 100_000_000));
  }
}
