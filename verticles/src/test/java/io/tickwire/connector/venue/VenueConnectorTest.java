package io.tickwire.connector.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Codecs;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.Trade;
import io.tickwire.config.ConnectorSettings;
import io.tickwire.config.ConnectorSettings.Overflow;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.capture.CaptureSource;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.config.FeedPolicy;
import io.tickwire.connector.ws.FeedState;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Topology;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.StageContext;
import io.tickwire.health.Status;
import io.tickwire.replay.CaptureReplay;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.FixtureWebSocketServer;
import io.tickwire.testing.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployed exchange connector against a loopback websocket server replaying real Kraken book traffic frame by
 * frame: checksums, the router link, reconnects with backoff, the restart budget, the overflow policy, recording.
 */
@ExtendWith(VertxExtension.class)
class VenueConnectorTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> PAIRS = List.of("WAVES/EUR", "XMR/USD", "KSM/XBT", "GRT/ETH", "SC/EUR",
      "ETH/CHF", "OCEAN/XBT", "OMG/USD", "XBT/CHF", "ADA/XBT");
  private static final FeedPolicy QUICK = new FeedPolicy(60_000, 50, 200, 50, 60_000);
  private static final int KRAKEN_CHECKSUMS = 1_463;

  private final List<MarketEvent> events = new CopyOnWriteArrayList<>();
  private final List<Anomaly> anomalies = new CopyOnWriteArrayList<>();
  private final HealthRegistry health = new HealthRegistry();
  private StageContext context;
  private FixtureWebSocketServer server;
  private final List<String> restRequests = new CopyOnWriteArrayList<>();
  private String deploymentId;

  @AfterEach
  void closeServer() {
    if (server != null) {
      server.close();
    }
  }

  private VenueConnector deploy(Vertx vertx, FeedPolicy policy, int buffer, Overflow overflow, String recordDir,
      java.util.function.Function<TickBatch, Future<?>> consumer) {
    return deploy(vertx, new ConnectorSettings.Venue("kraken", "v1", server.uri(),
        new SessionSpec(PAIRS, EnumSet.of(SessionSpec.Channel.BOOK), 1000), null, 0, 0), policy, buffer, overflow,
        recordDir, consumer);
  }

  private VenueConnector deploy(Vertx vertx, ConnectorSettings.Venue venue, FeedPolicy policy, int buffer,
      Overflow overflow, String recordDir, java.util.function.Function<TickBatch, Future<?>> consumer) {
    Codecs.register(vertx);
    Topology topology = new Topology(2, 30_000, false).addGroup(Addresses.INGRESS, "test")
        .addGroup(Addresses.ANOMALIES, "test");
    Await.result(CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.INGRESS, "test"), batch -> {
      events.addAll(batch.items());
      return consumer.apply(batch);
    }));
    Await.result(CreditReceiver.<AnomalyBatch>bind(vertx, Addresses.inbox(Addresses.ANOMALIES, "test"), batch -> {
      anomalies.addAll(batch.items());
      return Future.succeededFuture();
    }));
    ConnectorSettings settings = new ConnectorSettings(List.of(venue), policy, buffer, overflow, 16, recordDir);
    context = Pipelines.context(Pipelines.settings(vertx, List.of()), topology, health);
    VenueConnector connector = new VenueConnector(context, settings, venue, 10);
    deploymentId = Await.result(vertx.deployVerticle(connector));
    return connector;
  }

  private VenueConnector deploy(Vertx vertx) {
    return deploy(vertx, QUICK, 100_000, Overflow.DROP_OLDEST, null, batch -> Future.succeededFuture());
  }

  private static Path krakenBooks() {
    return Fixtures.cryptofeed("KRAKEN.ws.50.head1500");
  }

  @Test
  void everyChecksumOfTheRecordedBooksVerifiesAndEveryUpdateReachesTheRouter(Vertx vertx) {
    server = FixtureWebSocketServer.of(vertx, krakenBooks());
    VenueConnector connector = deploy(vertx);

    Await.until(() -> connector.figures().checksumOk() == KRAKEN_CHECKSUMS, WAIT, "every checksum verified");
    ConnectorFigures figures = connector.figures();
    assertThat(figures.checksumFailed()).isZero();
    assertThat(figures.parseErrors()).isZero();
    assertThat(figures.state()).isEqualTo(FeedState.OPEN);
    Await.until(() -> events.size() == connector.figures().bookUpdates(), WAIT, "every book update admitted");
    assertThat(events).allSatisfy(e -> assertThat(e).isInstanceOf(BookUpdate.class));
    assertThat(server.received()).anySatisfy(frame -> assertThat(new JsonObject(frame).getJsonObject(
        "subscription").getString("name")).isEqualTo("book"));
    ComponentHealth reported = health.get("connector.kraken");
    assertThat(reported.status()).isEqualTo(Status.OK);
    assertThat(reported.gauges()).containsEntry("checksum_ok", (long) KRAKEN_CHECKSUMS);
    assertThat(context.metrics().scrape()).contains("tickwire_connector_up{connector=\"kraken\"} 1.0");
  }

  @Test
  void aDroppedConnectionIsRedialledAfterABackoffResubscribedAndMarkedAsAGap(Vertx vertx) {
    server = FixtureWebSocketServer.of(vertx, krakenBooks()).dropAfter(400).refuseAfterDrop(300);
    VenueConnector connector = deploy(vertx);

    Await.until(() -> server.finished(), WAIT, "the whole recording served over several connections");
    Await.until(() -> connector.figures().reconnects() >= 3, WAIT, "reconnects counted");
    assertThat(server.refused()).as("refused while backing off").isPositive();
    assertThat(server.connections()).isGreaterThanOrEqualTo(4);
    long subscriptions = server.received().stream().filter(f -> f.contains("\"subscribe\"")).count();
    assertThat(subscriptions).as("one subscription per connection").isGreaterThanOrEqualTo(server.connections());
    List<Long> connects = server.connectTimes();
    for (int i = 1; i < connects.size(); i++) {
      assertThat(connects.get(i) - connects.get(i - 1)).as("backoff before redial " + i).isGreaterThanOrEqualTo(50);
    }
    Await.until(() -> gapMarkers().size() >= PAIRS.size(), WAIT, "gap markers downstream");
    assertThat(gapMarkers()).extracting(MarketEvent::symbol).containsAll(PAIRS);
    assertThat(gapMarkers()).allSatisfy(g -> assertThat(g.reason()).contains("closed"));
  }

  @Test
  void aVenueThatKeepsRefusingExhaustsTheRestartBudgetAndTheConnectorReportsDown(Vertx vertx) {
    server = FixtureWebSocketServer.of(vertx, krakenBooks());
    server.refuseFor(3_600_000);
    VenueConnector connector = deploy(vertx, new FeedPolicy(10_000, 10, 40, 3, 60_000), 1000,
        Overflow.DROP_OLDEST, null, batch -> Future.succeededFuture());

    Await.until(() -> connector.figures().state() == FeedState.FAILED, WAIT, "the connector gives up");
    assertThat(server.refused()).as("the first dial and 3 restarts").isEqualTo(4);
    // health is reported on a timer, so it follows the connector's state a moment later
    Await.until(() -> health.get("connector.kraken").status() == Status.DOWN, WAIT, "the connector reported down");
    sleep(300); // a check that nothing happens needs a window: ten times the longest backoff of this policy
    assertThat(server.refused()).as("no dial after giving up").isEqualTo(4);
  }

  @Test
  void aFullBufferDropsTheOldestEventsAndMarksTheHoleForTheirSymbols(Vertx vertx) {
    server = FixtureWebSocketServer.of(vertx, krakenBooks());
    Promise<Void> release = Promise.promise();
    VenueConnector connector = deploy(vertx, QUICK, 50, Overflow.DROP_OLDEST, null,
        batch -> release.future());

    Await.until(() -> server.finished(), WAIT, "the recording served while the router is stuck");
    Await.until(() -> connector.figures().dropped() > 0, WAIT, "drops counted");
    vertx.runOnContext(v -> release.tryComplete());
    Await.until(() -> gapMarkers().stream().anyMatch(g -> g.reason().contains("buffer full")), WAIT,
        "a gap marker for the lost events");
    Await.until(() -> books() + connector.figures().dropped() == connector.figures().bookUpdates(), WAIT,
        "every book update either admitted or counted as dropped");
    assertThat(connector.figures().dropped()).isGreaterThan(1_000);
  }

  @Test
  void recordedFramesReplayThroughTheSameSessionToTheSameCounts(Vertx vertx, @TempDir Path dir) throws Exception {
    server = FixtureWebSocketServer.of(vertx, krakenBooks());
    VenueConnector connector = deploy(vertx, QUICK, 100_000, Overflow.DROP_OLDEST, dir.toString(),
        batch -> Future.succeededFuture());
    Await.until(() -> connector.figures().checksumOk() == KRAKEN_CHECKSUMS, WAIT, "every checksum verified");
    Await.until(() -> connector.figures().recordedLines() >= server.sent() + 2, WAIT, "every frame recorded");
    Await.result(vertx.undeploy(deploymentId));

    Path capture;
    try (Stream<Path> files = Files.list(dir)) {
      capture = files.filter(p -> p.getFileName().toString().startsWith("kraken-")).findFirst().orElseThrow();
    }
    JsonObject summary = CaptureReplay.run(CaptureSource.read(capture, null, "kraken", null)).summary();
    assertThat(summary.getString("protocol")).isEqualTo("v1");
    assertThat(summary.getLong("checksum_ok")).isEqualTo(KRAKEN_CHECKSUMS);
    assertThat(summary.getLong("checksum_failed")).isZero();
    assertThat(summary.getLong("frames")).isEqualTo(server.sent());
  }

  @Test
  void binanceBooksSyncToSnapshotsFetchedOverRestAndTradesAndQuotesFlow(Vertx vertx) {
    server = FixtureWebSocketServer.of(vertx, Fixtures.cryptofeed("BINANCE.ws.1.0"));
    HttpServer rest = restServer(vertx);
    ConnectorSettings.Venue venue = new ConnectorSettings.Venue("binance", "spot", server.uri(),
        new SessionSpec(List.of("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR"), EnumSet.allOf(SessionSpec.Channel.class),
            1000), URI.create("http://127.0.0.1:" + rest.actualPort()), 20, 1000);
    VenueConnector connector = deploy(vertx, venue, QUICK, 100_000, Overflow.DROP_OLDEST, null,
        batch -> Future.succeededFuture());

    Await.until(() -> server.finished() && connector.figures().frames() == server.sent(), WAIT, "every frame read");
    Await.until(() -> restRequests.size() == 4, WAIT, "one snapshot per symbol over REST");
    Await.until(() -> connector.figures().bookUpdates() > 100 && events.size() == connector.figures().trades()
        + connector.figures().quotes() + connector.figures().bookUpdates(), WAIT, "every event admitted");
    ConnectorFigures figures = connector.figures();
    assertThat(figures.gaps()).isZero();
    assertThat(figures.parseErrors()).isZero();
    assertThat(figures.trades()).isPositive();
    assertThat(figures.quotes()).isPositive();
    assertThat(restRequests).containsExactlyInAnyOrder("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR");
    assertThat(events.stream().filter(e -> e instanceof BookUpdate b && b.snapshot()).map(MarketEvent::symbol))
        .containsExactlyInAnyOrder("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR");
  }

  @Test
  void coinbaseExchangeMatchesBecomeTradesOverTheWire(Vertx vertx) {
    server = FixtureWebSocketServer.of(vertx, Fixtures.cryptofeed("COINBASE.ws.28.0"));
    ConnectorSettings.Venue venue = new ConnectorSettings.Venue("coinbase", "exchange", server.uri(),
        new SessionSpec(List.of("BTC-USD"), EnumSet.allOf(SessionSpec.Channel.class), 50), null, 0, 0);
    VenueConnector connector = deploy(vertx, venue, QUICK, 100_000, Overflow.DROP_OLDEST, null,
        batch -> Future.succeededFuture());

    Await.until(() -> server.finished() && connector.figures().frames() == server.sent(), WAIT, "every frame read");
    Await.until(() -> events.stream().filter(e -> e instanceof Trade).count() == 107, WAIT, "107 trades");
    assertThat(connector.figures().parseErrors()).isZero();
    assertThat(new JsonObject(server.received().get(0)).getString("type")).isEqualTo("subscribe");
  }

  @Test
  void advancedTradeSchemaDriftIsAnAnomalyNotACrash(Vertx vertx) throws Exception {
    List<String> frames;
    try (var in = getClass().getResourceAsStream("/coinbase/advanced-trade-session.jsonl")) {
      frames = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank()).toList();
    }
    server = FixtureWebSocketServer.of(vertx, frames);
    ConnectorSettings.Venue venue = new ConnectorSettings.Venue("coinbase", "advanced_trade", server.uri(),
        new SessionSpec(List.of("BTC-USD", "ETH-USD"), EnumSet.allOf(SessionSpec.Channel.class), 50), null, 0, 0);
    VenueConnector connector = deploy(vertx, venue, QUICK, 100_000, Overflow.DROP_OLDEST, null,
        batch -> Future.succeededFuture());

    Await.until(() -> anomalies.stream().anyMatch(a -> a.type().equals(AnomalyTypes.SCHEMA_DRIFT)), WAIT,
        "a schema_drift anomaly");
    assertThat(anomalies).filteredOn(a -> a.type().equals(AnomalyTypes.SCHEMA_DRIFT)).singleElement()
        .satisfies(a -> {
          assertThat(a.venue()).isEqualTo("coinbase");
          assertThat(a.detail()).contains("heartbeat_counter");
        });
    Await.until(() -> connector.figures().schemaDrift() == 1, WAIT, "drift counted");
    assertThat(connector.figures().state()).isEqualTo(FeedState.OPEN);
    long subscriptions = server.received().stream().filter(f -> f.contains("\"subscribe\"")).count();
    assertThat(subscriptions).as("one subscribe message per channel, heartbeats included").isEqualTo(4);
  }

  /** Binance's REST depth endpoint on loopback, answering with the recorded snapshots. */
  private HttpServer restServer(Vertx vertx) {
    java.util.Map<String, String> bodies = new java.util.HashMap<>();
    CryptofeedCapture.read(Fixtures.cryptofeed("BINANCE.http.0.0"),
        r -> bodies.putIfAbsent(CaptureSource.symbolOf(r.url()), r.payload()));
    return Await.result(vertx.createHttpServer().requestHandler(req -> {
      String symbol = req.getParam("symbol");
      restRequests.add(symbol);
      String body = bodies.get(symbol);
      if (body == null) {
        req.response().setStatusCode(400).end("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
      } else {
        req.response().putHeader("Content-Type", "application/json").end(body);
      }
    }).listen(0, "127.0.0.1"));
  }

  private long books() {
    return events.stream().filter(e -> e instanceof BookUpdate).count();
  }

  private List<FeedGap> gapMarkers() {
    return events.stream().filter(e -> e instanceof FeedGap).map(e -> (FeedGap) e).toList();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
