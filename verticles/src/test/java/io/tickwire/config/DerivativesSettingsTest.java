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

/** The {@code connectors.deribit} and {@code connectors.binance_futures} keys: defaults and what is refused. */
@ExtendWith(VertxExtension.class)
class DerivativesSettingsTest {
  private static ConnectorSettings.Venue venue(Vertx vertx, String... sets) {
    ConnectorSettings connectors = Settings.from(Await.result(ConfigLoader.load(vertx, null, Map.of(),
        List.of(sets)))).connectors();
    assertThat(connectors.venues()).hasSize(1);
    return connectors.venues().get(0);
  }

  private static String failure(Vertx vertx, String... sets) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> venue(vertx, sets));
    Throwable cause = thrown instanceof ConfigException ? thrown : thrown.getCause();
    assertThat(cause).isInstanceOf(ConfigException.class);
    return cause.getMessage();
  }

  @Test
  void deribitDefaultsPickNearTheMoneyOptionsOfTwoCurrenciesBesideThePerpetuals(Vertx vertx) {
    ConnectorSettings.Venue deribit = venue(vertx, "connectors.deribit.enabled=true");

    assertThat(deribit.protocol()).isEqualTo("v2");
    assertThat(deribit.url().toString()).isEqualTo("wss://www.deribit.com/ws/api/v2");
    assertThat(deribit.spec().symbols()).containsExactly("BTC-PERPETUAL", "ETH-PERPETUAL");
    assertThat(deribit.restUrl()).as("no depth snapshots: books come over the socket").isNull();
    DeribitSettings s = deribit.deribit();
    assertThat(s.restUrl().toString()).isEqualTo("https://www.deribit.com");
    assertThat(s.currencies()).containsExactly("BTC", "ETH");
    assertThat(s.kinds()).containsExactly("option");
    assertThat(s.expiries()).isEqualTo(2);
    assertThat(s.minMoneyness()).isEqualTo(0.8);
    assertThat(s.maxMoneyness()).isEqualTo(1.25);
    assertThat(s.maxInstruments()).isEqualTo(200);
    assertThat(s.refreshMs()).isEqualTo(600_000);
    assertThat(s.maxChannelsPerConnection()).isEqualTo(300);
    assertThat(s.maxConnections()).isEqualTo(8);
    assertThat(s.tickerInterval()).isEqualTo("100ms");
    assertThat(s.streamInterval()).isEqualTo("raw");
    assertThat(s.heartbeatSeconds()).isEqualTo(10);
    assertThat(s.volatilityIndexes()).containsExactly("btc_usd", "eth_usd");
  }

  @Test
  void deribitRefusesWhatItCannotSubscribe(Vertx vertx) {
    assertThat(failure(vertx, "connectors.deribit.enabled=true", "connectors.deribit.kinds=[option, spot]"))
        .contains("connectors.deribit.kinds").contains("option, future, perpetual");
    assertThat(failure(vertx, "connectors.deribit.enabled=true", "connectors.deribit.min_moneyness=1.2",
        "connectors.deribit.max_moneyness=1.1")).contains("connectors.deribit.max_moneyness");
    assertThat(failure(vertx, "connectors.deribit.enabled=true", "connectors.deribit.ticker_interval=1s"))
        .contains("raw, 100ms, agg2");
    assertThat(failure(vertx, "connectors.deribit.enabled=true", "connectors.deribit.heartbeat_sec=5"))
        .contains("connectors.deribit.heartbeat_sec");
    assertThat(failure(vertx, "connectors.deribit.enabled=true", "connectors.deribit.max_channels_per_connection=4"))
        .as("the first connection needs room for the DVOL channels and one instrument's three")
        .contains("connectors.deribit.max_channels_per_connection").contains("from 5");
    assertThat(failure(vertx, "connectors.deribit.enabled=true", "connectors.deribit.dvol=[btc_usd, btc_usd]"))
        .contains("connectors.deribit.dvol");
    assertThat(venue(vertx, "connectors.deribit.enabled=true", "connectors.deribit.kinds=[]",
        "connectors.deribit.dvol=[]").deribit().kinds()).as("only the configured symbols").isEmpty();
  }

  @Test
  void binanceFuturesHasItsOwnVenueRestApiAndFundingChannel(Vertx vertx) {
    ConnectorSettings.Venue futures = venue(vertx, "connectors.binance_futures.enabled=true");

    assertThat(futures.name()).isEqualTo("binance_futures");
    assertThat(futures.protocol()).isEqualTo("usdm");
    assertThat(futures.url().toString()).isEqualTo("wss://fstream.binance.com/ws");
    assertThat(futures.restUrl().toString()).isEqualTo("https://fapi.binance.com");
    assertThat(futures.snapshotDepth()).isEqualTo(1000);
    assertThat(futures.spec().channels()).contains(SessionSpec.Channel.FUNDING);
    assertThat(futures.deribit()).isNull();
    assertThat(failure(vertx, "connectors.binance_futures.enabled=true",
        "connectors.binance_futures.snapshot_depth=5000")).contains("from 5 to 1000");
    assertThatThrownBy(() -> SessionSpec.Channel.of("candles")).hasMessageContaining("funding");
  }
}
