package io.tickwire.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class SettingsTest {
  private static Settings load(Vertx vertx, Path file, Map<String, String> env, String... sets) {
    JsonObject config = Await.result(ConfigLoader.load(vertx, file, env, List.of(sets)));
    return Settings.from(config);
  }

  private static ConfigException failure(Vertx vertx, Path file, Map<String, String> env, String... sets) {
    Throwable error;
    try {
      load(vertx, file, env, sets);
      throw new AssertionError("expected a ConfigException");
    } catch (ConfigException e) {
      return e;
    } catch (AssertionError e) {
      error = e.getCause();
      if (error instanceof ConfigException config) {
        return config;
      }
      throw e;
    }
  }

  @Test
  void defaultsLoadAndValidate(Vertx vertx) {
    Settings s = load(vertx, null, Map.of());
    assertThat(s.pipeline().partitions()).isEqualTo(16);
    assertThat(s.synthetic().symbols()).containsExactly("BTC-USD", "ETH-USD", "SOL-USD");
    assertThat(s.synthetic().unbounded()).isTrue();
    assertThat(s.batcher().intervalsMillis()).containsExactly(1_000L, 10_000L, 60_000L);
    assertThat(s.batcher().allowedLatenessMs()).isEqualTo(500);
    assertThat(s.batcher().latePolicy()).isEqualTo(BatcherSettings.LatePolicy.REVISE);
    assertThat(s.backfill().krakenUrl()).hasToString("https://api.kraken.com");
    assertThat(s.backfill().binanceUrl()).hasToString("https://api.binance.com");
    assertThat(s.backfill().binanceFuturesUrl()).hasToString("https://fapi.binance.com");
  }

  @Test
  void environmentOverridesDefaultsAndSetOverridesEnvironment(Vertx vertx) {
    Map<String, String> env = Map.of(
        "TICKWIRE_BATCHER_ALLOWED_LATENESS_MS", "250",
        "TICKWIRE_SYNTHETIC_RATE", "max",
        "TICKWIRE_PIPELINE_PARTITIONS", "4");
    Settings s = load(vertx, null, env, "pipeline.partitions=8", "synthetic.symbols=[AAA-USD, BBB-USD]",
        "synthetic.count=20000");
    assertThat(s.batcher().allowedLatenessMs()).isEqualTo(250);
    assertThat(s.synthetic().maxRate()).isTrue();
    assertThat(s.pipeline().partitions()).as("--set wins over the environment").isEqualTo(8);
    assertThat(s.synthetic().symbols()).containsExactly("AAA-USD", "BBB-USD");
    assertThat(s.synthetic().count()).isEqualTo(20_000);
  }

  @Test
  void badValueFailsNamingKeyValueAndWhatIsAllowed(Vertx vertx) {
    ConfigException e = failure(vertx, null, Map.of(), "batcher.allowed_lateness_ms=-5");
    assertThat(e.key()).isEqualTo("batcher.allowed_lateness_ms");
    assertThat(e.getMessage()).contains("batcher.allowed_lateness_ms", "-5", "expected an integer from 0");
  }

  @Test
  void badEnvironmentValueNamesTheKey(Vertx vertx) {
    ConfigException e = failure(vertx, null, Map.of("TICKWIRE_SYNTHETIC_RATE", "fast"));
    assertThat(e.key()).isEqualTo("synthetic.rate");
    assertThat(e.getMessage()).contains("\"fast\"", "max or events per second");
  }

  @Test
  void badIntervalAndBadPolicyAreRejected(Vertx vertx) {
    assertThat(failure(vertx, null, Map.of(), "batcher.intervals=[1s, 7s]").getMessage())
        .contains("batcher.intervals", "divide a day evenly");
    assertThat(failure(vertx, null, Map.of(), "batcher.intervals=[1x]").getMessage())
        .contains("batcher.intervals", "1x");
    assertThat(failure(vertx, null, Map.of(), "batcher.late_policy=ignore").getMessage())
        .contains("batcher.late_policy", "\"ignore\"", "one of revise, drop");
  }

  @Test
  void symbolCapIdleTimeAndRedisKeyTtlHaveDefaultsAndBadOnesAreNamed(Vertx vertx) {
    Settings s = load(vertx, null, Map.of());
    assertThat(s.router().maxSymbols()).isEqualTo(20_000);
    assertThat(s.router().symbolIdleMs()).isEqualTo(900_000);
    assertThat(s.redis().keyTtlMs()).isEqualTo(86_400_000);
    assertThat(failure(vertx, null, Map.of(), "router.max_symbols=0").key()).isEqualTo("router.max_symbols");
    assertThat(failure(vertx, null, Map.of(), "router.symbol_idle_ms=10").key()).isEqualTo("router.symbol_idle_ms");
    assertThat(failure(vertx, null, Map.of(), "redis.key_ttl_ms=0").key()).isEqualTo("redis.key_ttl_ms");
  }

  @Test
  void tradesAreCopiedByDefaultAndTheWriteMethodIsChecked(Vertx vertx) {
    assertThat(load(vertx, null, Map.of()).sink().copyTrades()).isTrue();
    assertThat(load(vertx, null, Map.of(), "sink.trades_write=insert").sink().copyTrades()).isFalse();
    assertThat(failure(vertx, null, Map.of(), "sink.trades_write=upsert").getMessage())
        .contains("sink.trades_write", "\"upsert\"", "one of copy, insert");
  }

  @Test
  void shutdownTimeoutDefaultsToTwoMinutesAndIsChecked(Vertx vertx) {
    assertThat(load(vertx, null, Map.of()).shutdown().timeoutMs()).isEqualTo(120_000);
    assertThat(load(vertx, null, Map.of(), "shutdown.timeout_ms=3000").shutdown().timeoutMs()).isEqualTo(3_000);
    assertThat(failure(vertx, null, Map.of(), "shutdown.timeout_ms=0").key()).isEqualTo("shutdown.timeout_ms");
  }

  @Test
  void bookSettingsHaveDefaultsAndBadOnesAreNamed(Vertx vertx) {
    BookSettings books = load(vertx, null, Map.of()).books();
    assertThat(books).isEqualTo(new BookSettings(1000, 1000, 10, 3000));
    assertThat(load(vertx, null, Map.of(), "books.snapshot_interval=500ms").books().snapshotIntervalMillis())
        .isEqualTo(500);

    assertThat(failure(vertx, null, Map.of(), "books.snapshot_interval=7s").getMessage())
        .contains("books.snapshot_interval", "\"7s\"", "divide a day evenly");
    assertThat(failure(vertx, null, Map.of(), "books.snapshot_interval=soon").getMessage())
        .contains("books.snapshot_interval", "\"soon\"");
    ConfigException deep = failure(vertx, null, Map.of(), "books.max_levels=5", "books.snapshot_depth=20");
    assertThat(deep.key()).isEqualTo("books.snapshot_depth");
    assertThat(deep.getMessage()).contains("20", "at most books.max_levels (5)");
    ConfigException young = failure(vertx, null, Map.of(), "books.snapshot_interval=5s",
        "books.feature_max_age_ms=2000");
    assertThat(young.key()).isEqualTo("books.feature_max_age_ms");
    assertThat(young.getMessage()).contains("2000", "at least books.snapshot_interval (5000 ms)");
    assertThat(failure(vertx, null, Map.of(), "books.max_levels=0").key()).isEqualTo("books.max_levels");
  }

  @Test
  void aFeatureWindowMayNotTakeABookFeaturesName(Vertx vertx) {
    ConfigException e = failure(vertx, null, Map.of(), "features.windows=[{name: mid, kind: vwap, horizon: 1m}]");
    assertThat(e.key()).isEqualTo("features.windows[0].name");
    assertThat(e.getMessage()).contains("\"mid\"", "order-book features");
  }

  @Test
  void aCrossedBookCannotTriggerTheRoutersFlightRecorder(Vertx vertx) {
    ConfigException e = failure(vertx, null, Map.of(), "recorder.trigger_types=[duplicate, crossed_book]");
    assertThat(e.key()).isEqualTo("recorder.trigger_types");
    assertThat(e.getMessage()).contains("\"crossed_book\"", "never sees");
  }

  @Test
  void badDatabaseUrlIsNamedWithoutItsPassword(Vertx vertx) {
    ConfigException e = failure(vertx, null, Map.of(), "pg.url=mysql://tick:s3cret@db:3306/x");
    assertThat(e.key()).isEqualTo("pg.url");
    assertThat(e.getMessage()).contains("mysql://***@db:3306/x", "postgresql://").doesNotContain("s3cret");
  }

  @Test
  void unknownKeyIsAnErrorNotSilentlyIgnored(Vertx vertx) {
    ConfigException e = failure(vertx, null, Map.of(), "batcher.allowed_latenes_ms=250");
    assertThat(e.getMessage()).contains("unknown config key 'batcher.allowed_latenes_ms'",
        "batcher.allowed_lateness_ms");
    assertThat(failure(vertx, null, Map.of(), "no-equals-sign").getMessage()).contains("key=value");
  }

  @Test
  void configFileIsLayeredOverDefaultsAndCheckedForUnknownKeys(Vertx vertx, @TempDir Path dir) throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), "synthetic:\n  seed: 99\n  rate: 50\n");
    Settings s = load(vertx, good, Map.of());
    assertThat(s.synthetic().seed()).isEqualTo(99);
    assertThat(s.synthetic().rate()).isEqualTo(50);
    assertThat(s.synthetic().symbols()).as("untouched keys keep defaults").hasSize(3);

    Path typo = Files.writeString(dir.resolve("typo.yaml"), "synthetic:\n  sede: 99\n");
    assertThat(failure(vertx, typo, Map.of()).getMessage()).contains("unknown config key 'synthetic.sede'");

    assertThat(failure(vertx, dir.resolve("missing.yaml"), Map.of()).getMessage())
        .contains("missing.yaml", "does not exist");
  }

  @Test
  void connectorsAreOffByDefaultAndAnEnabledOneIsReadWithItsSharedPolicy(Vertx vertx) {
    assertThat(load(vertx, null, Map.of()).connectors().venues()).isEmpty();

    ConnectorSettings c = load(vertx, null, Map.of("TICKWIRE_CONNECTORS_KRAKEN_ENABLED", "true"),
        "connectors.kraken.protocol=v1", "connectors.kraken.url=wss://ws.kraken.com",
        "connectors.kraken.channels=[book]", "connectors.overflow=reconnect").connectors();
    assertThat(c.venues()).singleElement().satisfies(v -> {
      assertThat(v.name()).isEqualTo("kraken");
      assertThat(v.protocol()).isEqualTo("v1");
      assertThat(v.url().toString()).isEqualTo("wss://ws.kraken.com");
      assertThat(v.spec().symbols()).containsExactly("BTC/USD", "ETH/USD");
      assertThat(v.spec().channels()).containsExactly(io.tickwire.config.SessionSpec.Channel.BOOK);
      assertThat(v.restUrl()).isNull();
    });
    assertThat(c.overflow()).isEqualTo(ConnectorSettings.Overflow.RECONNECT);
    assertThat(c.feed().staleAfterMs()).isEqualTo(30_000);
    assertThat(load(vertx, null, Map.of(), "connectors.binance.enabled=true").connectors().venues().get(0)
        .restUrl().toString()).isEqualTo("https://api.binance.com");
  }

  @Test
  void aBadConnectorValueIsNamedWithWhatIsAllowed(Vertx vertx) {
    assertThat(failure(vertx, null, Map.of(), "connectors.kraken.enabled=true", "connectors.kraken.protocol=v3")
        .getMessage()).contains("connectors.kraken.protocol").contains("\"v3\"").contains("one of v2, v1");
    assertThat(failure(vertx, null, Map.of(), "connectors.coinbase.enabled=true",
        "connectors.coinbase.url=https://example.com").getMessage()).contains("connectors.coinbase.url")
        .contains("a ws or wss URL");
    assertThat(failure(vertx, null, Map.of(), "connectors.binance.enabled=true",
        "connectors.binance.channels=[trades, candles]").getMessage()).contains("connectors.binance.channels")
        .contains("trades, quotes, book");
    assertThat(failure(vertx, null, Map.of(), "backfill.kraken_url=ftp://api.kraken.com").getMessage())
        .contains("backfill.kraken_url").contains("ftp://api.kraken.com").contains("an http(s)://host URL or null");
    assertThat(failure(vertx, null, Map.of(), "backfill.binance_url=not a url").getMessage())
        .contains("backfill.binance_url");
    assertThat(failure(vertx, null, Map.of(), "backfill.binance_futures_url=https://").getMessage())
        .contains("backfill.binance_futures_url");
    assertThat(failure(vertx, null, Map.of(), "connectors.overflow=block").getMessage())
        .contains("connectors.overflow").contains("drop_oldest, reconnect");
    assertThat(failure(vertx, null, Map.of(), "connectors.backoff_first_ms=100", "connectors.backoff_max_ms=50")
        .getMessage()).contains("connectors.backoff_max_ms");
  }
}
