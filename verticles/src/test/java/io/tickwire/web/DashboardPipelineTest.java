package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.node.Node;
import io.tickwire.config.Role;
import io.tickwire.codecs.IsoTime;
import io.tickwire.flow.Clock;
import io.tickwire.health.ComponentHealth;
import io.tickwire.router.RouterVerticle;
import io.tickwire.testing.Await;
import io.tickwire.testing.DashboardProbe;
import io.tickwire.testing.DashboardProbe.Received;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.StalledWebSocket;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard WebSocket on a running node: live forming bars, and a stalled client that harms nobody. */
@ExtendWith(VertxExtension.class)
class DashboardPipelineTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private Node node;

  @AfterEach
  void stop() {
    if (node != null) {
      Await.result(node.stop());
    }
  }

  private int start(Vertx vertx, String... overrides) {
    List<String> all = new ArrayList<>(TestDatabase.fresh().settings());
    all.addAll(List.of("web.host=127.0.0.1", "web.port=0"));
    all.addAll(List.of(overrides));
    node = Node.local(vertx, Pipelines.settings(vertx, all), EnumSet.of(Role.INGEST, Role.COMPUTE, Role.WEB)).build();
    Await.result(node.start());
    return node.stages().stream().filter(WebVerticle.class::isInstance).map(WebVerticle.class::cast).findFirst()
        .orElseThrow().actualPort();
  }

  @Test
  void formingBarsMoveAtMostFiveTimesASecondAndTheClosedBarFollows(Vertx vertx) throws Exception {
    int port = start(vertx, "synthetic.rate=2000", "synthetic.symbols=[BTC-USD,ETH-USD]", "batcher.intervals=[1s,10s]");
    DashboardProbe client = DashboardProbe.connect(vertx, port);
    client.request("{\"op\":\"subscribe\",\"symbols\":[\"BTC-USD\"],\"streams\":[\"forming\",\"bars\"]}",
        "subscribed", WAIT);
    long from = System.nanoTime();
    Thread.sleep(4_000); // a few 1s windows, so the rate bound below is measured over more than one
    Await.until(() -> mostShown1sWindow(client.ofType("forming")).size() > 1, WAIT,
        "a 1s window shown more than once while it formed");
    double seconds = (System.nanoTime() - from) / 1e9;

    List<Received> forming = client.ofType("forming");
    assertThat(forming).isNotEmpty().allSatisfy(r -> assertThat(r.data().getString("symbol")).isEqualTo("BTC-USD"));
    Map<String, List<JsonObject>> byWindow = forming.stream().map(Received::data)
        .collect(Collectors.groupingBy(b -> b.getString("interval") + "@" + b.getString("start")));
    Map<String, List<JsonObject>> byInterval = forming.stream().map(Received::data)
        .collect(Collectors.groupingBy(b -> b.getString("interval")));
    assertThat(byInterval.get("10s").size()).as("10s forming updates in %.1f s", seconds)
        .isLessThanOrEqualTo((int) (5 * seconds) + 2);
    byWindow.forEach((window, updates) -> assertThat(trades(updates)).as("trades of %s as it forms", window)
        .isSorted().doesNotHaveDuplicates());

    List<JsonObject> sameWindow = mostShown1sWindow(forming);
    String start = sameWindow.get(0).getString("start");
    JsonObject closed = client.await(m -> "bar".equals(m.getString("type"))
        && start.equals(m.getJsonObject("data").getString("start"))
        && "1s".equals(m.getJsonObject("data").getString("interval")), WAIT, "the closed bar of that window")
        .getJsonObject("data");
    assertThat(closed.getLong("trades")).isGreaterThanOrEqualTo(trades(sameWindow).get(sameWindow.size() - 1));
    client.close();
  }

  /** The updates of the 1s window seen forming most often (the first may have been nearly closed on subscribing). */
  private static List<JsonObject> mostShown1sWindow(List<Received> forming) {
    return forming.stream().map(Received::data).filter(b -> "1s".equals(b.getString("interval")))
        .collect(Collectors.groupingBy(b -> b.getString("start"))).values().stream()
        .max(Comparator.comparingInt(List::size)).orElse(List.of());
  }

  private static List<Long> trades(List<JsonObject> bars) {
    return bars.stream().map(b -> b.getLong("trades")).toList();
  }

  @Test
  void aStalledClientDropsItsOwnMessagesWhileOthersAndThePipelineKeepTheirPace(Vertx vertx) throws Exception {
    String symbols = IntStream.range(0, 200).mapToObj(i -> "S" + i).collect(Collectors.joining(",", "[", "]"));
    int rate = 4_000;
    int port = start(vertx, "synthetic.rate=" + rate, "synthetic.symbols=" + symbols,
        "batcher.intervals=[100ms,1s]", "web.ws.queue=200");
    String everything = "{\"op\":\"subscribe\",\"symbols\":[\"*\"],\"streams\":[\"bars\",\"forming\",\"features\","
        + "\"signals\",\"anomalies\",\"health\"]}";
    try (StalledWebSocket stalled = StalledWebSocket.subscribe(port, everything)) {
      DashboardProbe reader = DashboardProbe.connect(vertx, port);
      reader.request(everything, "subscribed", WAIT);
      Await.until(() -> dashboardGauge("dropped") > 0, WAIT, "the stalled client's queue to overflow");

      RouterVerticle router = node.stages().stream().filter(RouterVerticle.class::isInstance)
          .map(RouterVerticle.class::cast).findFirst().orElseThrow();
      long routedBefore = router.routed();
      int barsBefore = reader.ofType("bar").size();
      long stalledSinceMicros = Clock.nowMicros();
      // Not a rate (a loaded machine sets that): the pipeline goes on, and the reader keeps getting current bars.
      Await.until(() -> router.routed() - routedBefore >= 3L * rate, WAIT,
          "three seconds' worth of events routed while a client is stalled");
      Await.until(() -> freshBars(reader, barsBefore, stalledSinceMicros).size() > 500, WAIT,
          "the reading client getting bars of windows that ended while the other client was stalled");
      assertThat(freshBars(reader, barsBefore, stalledSinceMicros)).allSatisfy(bar -> {
        assertThat(bar.getString("symbol")).matches("S\\d+");
        assertThat(bar.getString("interval")).isIn("100ms", "1s");
        assertThat(bar.getLong("trades")).isPositive();
      });
      long readerDrops = reader.ofType("health").get(reader.ofType("health").size() - 1).json()
          .getJsonObject("drops").getLong("total");
      assertThat(dashboardGauge("dropped") - readerDrops).as("messages dropped for the stalled client").isPositive();
      assertThat(dashboardGauge("queued")).as("messages queued across both clients").isLessThanOrEqualTo(400);
      reader.close();
    }
  }

  /**
   * Bars received after the first {@code skip} whose window ended after {@code sinceMicros}: data the source made
   * since then (event time here is the wall clock at generation), not a backlog from before.
   */
  private static List<JsonObject> freshBars(DashboardProbe reader, int skip, long sinceMicros) {
    List<Received> bars = reader.ofType("bar");
    return bars.subList(skip, bars.size()).stream().map(Received::data)
        .filter(bar -> IsoTime.parse(bar.getString("end")) > sinceMicros).toList();
  }

  private long dashboardGauge(String name) {
    ComponentHealth dashboard = node.health().get("web.dashboard");
    return dashboard == null ? 0 : dashboard.gauges().get(name).longValue();
  }
}
