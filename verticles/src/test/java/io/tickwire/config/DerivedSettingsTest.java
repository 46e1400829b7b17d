package io.tickwire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The derived.* keys: off by default, assets read from venue:symbol lists, and each mistake named. */
@ExtendWith(VertxExtension.class)
class DerivedSettingsTest {
  private static final String BTC = "derived.spot_mid.assets=[{asset: BTC, venues: [coinbase:BTC-USD,"
      + " kraken:BTC/USD, binance:BTCUSDT], perp: binance_futures:BTCUSDT}]";

  private static Settings load(Vertx vertx, String... sets) {
    return Settings.from(Await.result(ConfigLoader.load(vertx, null, Map.of(), List.of(sets))));
  }

  @Test
  void offByDefault(Vertx vertx) {
    DerivedSettings derived = load(vertx).derived();
    assertThat(derived.enabled()).isFalse();
    assertThat(derived.spotMid().intervalMillis()).isEqualTo(1000);
    assertThat(derived.ivSurface().everyMillis()).isEqualTo(10_000);
  }

  @Test
  void anAssetIsItsVenuesAndItsPerpetual(Vertx vertx) {
    Settings s = load(vertx, BTC, "derived.iv_surface.enabled=true", "derived.iv_surface.underlyings=[BTC]");
    DerivedSettings.Asset btc = s.derived().spotMid().assets().get(0);
    assertThat(btc.name()).isEqualTo("BTC");
    assertThat(btc.venues()).containsExactly(new DerivedSettings.VenueSymbol("coinbase", "BTC-USD"),
        new DerivedSettings.VenueSymbol("kraken", "BTC/USD"), new DerivedSettings.VenueSymbol("binance", "BTCUSDT"));
    assertThat(btc.perp()).isEqualTo(new DerivedSettings.VenueSymbol("binance_futures", "BTCUSDT"));
    assertThat(s.derived().enabled()).isTrue();
    assertThat(s.derived().ivSurface().underlyings()).containsExactly("BTC");
  }

  @Test
  void mistakesAreNamed(Vertx vertx) {
    assertThatThrownBy(() -> load(vertx, "derived.spot_mid.assets=[{asset: BTC, venues: [coinbase]}]"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("venue:symbol");
    assertThatThrownBy(() -> load(vertx, "derived.spot_mid.assets=[{asset: BTC, venues: [a:X]}]"))
        .hasMessageContaining("could never be ok");
    assertThatThrownBy(() -> load(vertx, "derived.spot_mid.assets=[{asset: BTC, venues: [a:X, b:Y]},"
        + " {asset: ETH, venues: [a:X, c:Z]}]")).hasMessageContaining("no other venue or asset");
    assertThatThrownBy(() -> load(vertx, "derived.spot_mid.assets=[{asset: BTC, venues: [a:X, b:Y], perps: c:Z}]"))
        .hasMessageContaining("perps");
    assertThatThrownBy(() -> load(vertx, "derived.spot_mid.interval=7s"))
        .hasMessageContaining("divides a day");
    assertThatThrownBy(() -> load(vertx, BTC, "redis.md_v1.asset=ETH"))
        .hasMessageContaining("redis.md_v1.asset");
    assertThatThrownBy(() -> load(vertx, "features.windows=[{name: basis_bps, kind: return, horizon: 1m}]"))
        .hasMessageContaining("spot-mid features");
  }
}
