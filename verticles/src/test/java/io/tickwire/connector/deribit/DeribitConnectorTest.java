package io.tickwire.connector.deribit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Codecs;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.VolatilityIndex;
import io.tickwire.config.ConnectorSettings;
import io.tickwire.config.ConnectorSettings.Overflow;
import io.tickwire.config.DeribitSettings;
import io.tickwire.config.FeedPolicy;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.capture.CaptureSource;
import io.tickwire.connector.venue.VenueConnector;
import io.tickwire.connector.ws.FeedState;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Topology;
import io.tickwire.health.HealthRegistry;
import io.tickwire.replay.CaptureReplay;
import io.tickwire.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Deribit connector deployed against a loopback Deribit ({@link DeribitLoopback}): instruments from the REST
 * listing, spread over connections within the channel limit, heartbeats answered, tickers, books and DVOL values
 * through to the router, and a refreshed listing that delists one option and lists another.
 */
@ExtendWith(VertxExtension.class)
class DeribitConnectorTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final FeedPolicy QUICK = new FeedPolicy(60_000, 50, 200, 50, 60_000);
  /** Three channels an instrument (ticker, book, trades); the first connection also carries one DVOL channel. */
  private static final int CHANNELS_PER_CONNECTION = 3 * 3 + 1;

  private final List<MarketEvent> events = new CopyOnWriteArrayList<>();
  private final HealthRegistry health = new HealthRegistry();
  private DeribitLoopback deribit;
  private String deploymentId;

  @AfterEach
  void close() {
    if (deribit != null) {
      deribit.close();
    }
  }

  /** Six options within the band around the index (31,000 to 33,000), two outside it, the perpetual. */
  private static List<String> listing() {
    List<String> names = new ArrayList<>(List.of("BTC-PERPETUAL"));
    for (int strike : new int[] {28_000, 31_000, 32_000, 33_000, 36_000}) {
      names.add(DeribitLoopback.option(30, strike, "C"));
      if (strike >= 31_000 && strike <= 33_000) {
        names.add(DeribitLoopback.option(30, strike, "P"));
      }
    }
    return names;
  }

  private VenueConnector deploy(Vertx vertx, long refreshMs) {
    return deploy(vertx, refreshMs, null);
  }

  private VenueConnector deploy(Vertx vertx, long refreshMs, String recordDir) {
    Codecs.register(vertx);
    Topology topology = new Topology(2, 30_000, false).addGroup(Addresses.INGRESS, "test")
        .addGroup(Addresses.ANOMALIES, "test");
    Await.result(CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.INGRESS, "test"), batch -> {
      events.addAll(batch.items());
      return Future.succeededFuture();
    }));
    Await.result(CreditReceiver.bind(vertx, Addresses.inbox(Addresses.ANOMALIES, "test"),
        batch -> Future.succeededFuture()));
    DeribitSettings settings = new DeribitSettings(deribit.rest(), List.of("BTC"), Set.of("option"), 1, 0.95, 1.05,
        50, refreshMs, CHANNELS_PER_CONNECTION, 4, "100ms", "raw", 10, List.of("btc_usd"));
    ConnectorSettings.Venue venue = new ConnectorSettings.Venue("deribit", "v2", deribit.ws(),
        new SessionSpec(List.of("BTC-PERPETUAL"), EnumSet.of(SessionSpec.Channel.TRADES,
            SessionSpec.Channel.QUOTES, SessionSpec.Channel.BOOK), 100), null, 0, 0, settings);
    VenueConnector connector = new VenueConnector(new ConnectorSettings(List.of(venue), QUICK, 100_000,
        Overflow.DROP_OLDEST, 64, recordDir), venue, topology, health, 10);
    deploymentId = Await.result(vertx.deployVerticle(connector));
    return connector;
  }

  @Test
  void instrumentsAreSpreadOverConnectionsAndEveryChannelsDataReachesTheRouter(Vertx vertx) {
    deribit = new DeribitLoopback(vertx, listing());
    VenueConnector connector = deploy(vertx, 3_600_000);

    // the perpetual and six options, three channels each, three instruments a connection
    Await.until(() -> deribit.connections().size() == 3 && connector.figures().connections() == 3, WAIT,
        "three connections");
    Await.until(() -> of(OptionTicker.class).size() == 6 && of(VolatilityIndex.class).size() == 1
        && of(BookUpdate.class).size() == 14, WAIT, "every channel's first data admitted");
    assertThat(deribit.connections()).allSatisfy(c -> assertThat(c.subscribed.size())
        .as("connection " + c.index).isLessThanOrEqualTo(CHANNELS_PER_CONNECTION));
    assertThat(deribit.connections().get(0).subscribed).contains("deribit_volatility_index.btc_usd",
        "ticker.BTC-PERPETUAL.100ms", "book.BTC-PERPETUAL.raw", "trades.BTC-PERPETUAL.raw");
    assertThat(deribit.connections().subList(1, 3)).allSatisfy(c -> assertThat(c.subscribed)
        .noneMatch(channel -> channel.startsWith("deribit_volatility_index")));
    List<String> optionsSubscribed = deribit.connections().stream().flatMap(c -> c.subscribed.stream())
        .filter(ch -> ch.startsWith("ticker.BTC-") && !ch.contains("PERPETUAL")).toList();
    assertThat(optionsSubscribed).hasSize(6).noneMatch(ch -> ch.contains("-28000-") || ch.contains("-36000-"));

    assertThat(of(MarkFunding.class)).singleElement().satisfies(m -> assertThat(m.symbol())
        .isEqualTo("BTC-PERPETUAL"));
    assertThat(of(Quote.class)).hasSize(1);
    assertThat(of(VolatilityIndex.class).get(0).symbol()).isEqualTo("btc_usd");
    Await.until(() -> connector.figures().derivatives().continuous() == 7, WAIT, "every book's change continued");
    assertThat(connector.figures().parseErrors()).as(connector.figures().lastError()).isZero();
    assertThat(connector.figures().state()).isEqualTo(FeedState.OPEN);
    assertThat(health.get("connector.deribit").gauges()).containsEntry("connections", 3)
        .containsEntry("option_tickers", 6L).containsEntry("volatility_index", 1L);
  }

  @Test
  void everyConnectionAsksForHeartbeatsAndAnswersTheTestRequest(Vertx vertx) {
    deribit = new DeribitLoopback(vertx, listing());
    VenueConnector connector = deploy(vertx, 3_600_000);

    Await.until(() -> deribit.connections().size() == 3
        && deribit.connections().stream().allMatch(c -> c.count("public/test") == 1), WAIT,
        "public/test from every connection");
    assertThat(deribit.connections()).allSatisfy(c -> {
      assertThat(c.requests.get(0).getString("method")).as("heartbeats first").isEqualTo("public/set_heartbeat");
      assertThat(c.requests.get(0).getJsonObject("params").getInteger("interval")).isEqualTo(10);
    });
    Await.until(() -> connector.figures().derivatives().heartbeats() == 3, WAIT, "answers counted");
  }

  @Test
  void aRefreshedListingDropsTheDelistedOptionAndSubscribesTheNewOneWhereThereIsRoom(Vertx vertx) {
    deribit = new DeribitLoopback(vertx, listing());
    String delisted = DeribitLoopback.option(30, 31_000, "P");
    String listed = DeribitLoopback.option(30, 32_500, "C");
    VenueConnector connector = deploy(vertx, 200);
    Await.until(() -> deribit.connections().size() == 3 && of(OptionTicker.class).size() == 6, WAIT,
        "first subscriptions");
    DeribitLoopback.Connection holder = deribit.connections().stream()
        .filter(c -> c.subscribed.contains("book." + delisted + ".raw")).findFirst().orElseThrow();

    deribit.delist(delisted);
    deribit.list(listed);

    Await.until(() -> holder.channels("public/unsubscribe").contains("book." + delisted + ".raw"), WAIT,
        "the delisted option unsubscribed");
    Await.until(() -> of(OptionTicker.class).stream().anyMatch(t -> t.symbol().equals(listed)), WAIT,
        "the new option's ticker");
    assertThat(holder.subscribed).as("the room the delisted option left is reused")
        .contains("ticker." + listed + ".100ms").doesNotContain("ticker." + delisted + ".100ms");
    assertThat(deribit.connections()).hasSize(3);
    assertThat(connector.figures().symbolsRefused()).isZero();
    assertThat(connector.figures().parseErrors()).as(connector.figures().lastError()).isZero();
  }

  @Test
  void anUnreachableListingStartsWithTheConfiguredSymbolsAndAddsTheRestOnceItAnswers(Vertx vertx) {
    deribit = new DeribitLoopback(vertx, listing());
    deribit.listingDown(true);
    VenueConnector connector = deploy(vertx, 3_600_000);
    Await.until(() -> of(MarkFunding.class).size() == 1, WAIT, "the configured perpetual streams meanwhile");
    assertThat(of(OptionTicker.class)).isEmpty();

    deribit.listingDown(false);

    Await.until(() -> of(OptionTicker.class).size() == 6, WAIT, "the listed options once the listing answers");
    assertThat(deribit.listingRequests()).isGreaterThan(1);
    Await.until(() -> connector.figures().connections() == 3, WAIT, "figures, updated each second, show three");
  }

  @Test
  void eachConnectionIsRecordedToItsOwnCaptureWhichReplaysThroughTheSameSession(Vertx vertx, @TempDir Path dir)
      throws IOException {
    deribit = new DeribitLoopback(vertx, listing());
    VenueConnector connector = deploy(vertx, 3_600_000, dir.toString());
    Await.until(() -> of(OptionTicker.class).size() == 6 && of(VolatilityIndex.class).size() == 1, WAIT,
        "every channel's first data");
    Await.until(() -> connector.figures().derivatives().heartbeats() == 3, WAIT, "heartbeats answered");
    Await.result(vertx.undeploy(deploymentId));

    List<Path> captures;
    try (Stream<Path> files = Files.list(dir)) {
      // the first connection's name is the shortest: the others add "-<n>"
      captures = files.sorted(Comparator.comparing((Path p) -> p.getFileName().toString().length())
          .thenComparing(Path::toString)).toList();
    }
    assertThat(captures).hasSize(3);
    assertThat(captures.get(0).getFileName().toString()).matches("deribit-\\d{8}T\\d{6}Z\\.capture");
    assertThat(captures.get(1).getFileName().toString()).endsWith("-1.capture");
    assertThat(captures.get(2).getFileName().toString()).endsWith("-2.capture");
    JsonObject first = CaptureReplay.run(CaptureSource.read(captures.get(0), null, "deribit", null)).summary();
    assertThat(first.getLong("parse_errors")).as(first.getString("last_error")).isZero();
    assertThat(first.getLong("volatility_index")).as("DVOL rides the first connection").isEqualTo(1);
    assertThat(first.getLong("mark_funding")).isEqualTo(1);
    assertThat(first.getLong("heartbeats_answered")).isEqualTo(1);
    assertThat(first.getLong("books_in_sync")).isEqualTo(3);
    long tickers = 0;
    for (Path capture : captures) {
      tickers += CaptureReplay.run(CaptureSource.read(capture, null, "deribit", null)).summary()
          .getLong("option_tickers");
    }
    assertThat(tickers).isEqualTo(6);
  }

  private <T extends MarketEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
