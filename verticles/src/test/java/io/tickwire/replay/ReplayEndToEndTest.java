package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickwire.cluster.Node;
import io.tickwire.cluster.Role;
import io.tickwire.connector.TcpIngestStats;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.health.ComponentHealth;
import io.tickwire.router.detect.AnomalyTypes;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ground truth: a synthetic stream with known injected faults, replayed over TCP into a real node; the node's
 * counts per anomaly type equal the injected counts.
 */
@ExtendWith(VertxExtension.class)
class ReplayEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private Node node;
  private TcpIngestVerticle ingest;

  @BeforeEach
  void startNode(Vertx vertx) {
    node = new Node(vertx, Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(),
        "synthetic.enabled=false", "ingest.tcp.host=127.0.0.1")), EnumSet.of(Role.INGEST, Role.COMPUTE), List.of(),
        new Pipelines.Capture());
    Await.result(node.start());
    ingest = node.stages().stream().filter(TcpIngestVerticle.class::isInstance).map(TcpIngestVerticle.class::cast)
        .findFirst().orElseThrow();
  }

  @AfterEach
  void stopNode() {
    Await.result(node.stop());
  }

  @Test
  void duplicatesAndGapsAreDetectedExactlyAsInjected() throws Exception {
    ChaosResult chaos = new ChaosInjector(new ChaosSettings(0.04, 0, 0, 0.03, 17)).inject(StreamLines.trades(6_000, 5));
    Injected injected = chaos.injected();

    send(chaos);

    Map<String, Number> router = routerGaugesOnceEverythingIsIn();
    assertThat(count(router, AnomalyTypes.DUPLICATE)).isEqualTo(injected.duplicates()).isPositive();
    assertThat(count(router, AnomalyTypes.SEQUENCE_GAP)).isEqualTo(injected.gapEpisodes()).isPositive();
    assertThat(count(router, AnomalyTypes.OUT_OF_ORDER)).isEqualTo(injected.outOfOrder()).isZero();
    assertThat(ingest.stats().rejected()).isZero();
  }

  @Test
  void driftIsRefusedAtTheIngestAndTheTradesItTookAreGapsToo() throws Exception {
    boolean unknownKeysRefused = ingestRefusesUnknownKeys();
    long rejectedBefore = ingest.stats().rejected();
    ChaosResult chaos = new ChaosInjector(new ChaosSettings(0.04, 0, 0.03, 0.02, 19))
        .inject(StreamLines.trades(6_000, 7));
    Injected injected = chaos.injected();

    send(chaos);

    Map<String, Number> router = routerGaugesOnceEverythingIsIn();
    assertThat(count(router, AnomalyTypes.DUPLICATE)).isEqualTo(injected.duplicates()).isPositive();
    assertThat(count(router, AnomalyTypes.OUT_OF_ORDER)).isEqualTo(injected.outOfOrder()).isZero();
    long refused = ingest.stats().rejected() - rejectedBefore;
    assertThat(refused).isGreaterThanOrEqualTo(injected.drift(DriftKind.MISSING_KEY)
        + injected.drift(DriftKind.CHANGED_TYPE)).isPositive();
    // Lines that only gained a key pass the ingest until it refuses unknown keys as schema drift (issue 5, being
    // built); until then they also reach the gap detector, so the exact counts below wait for that.
    assumeTrue(unknownKeysRefused, "the TCP ingest does not refuse unknown keys yet");
    assertThat(refused).isEqualTo(injected.drift());
    assertThat(count(router, AnomalyTypes.SEQUENCE_GAP)).isEqualTo(injected.gapEpisodes()).isPositive();
  }

  @Test
  void reorderingsFromAShuffleAreDetectedExactlyAsTheyHappened() throws Exception {
    ChaosResult chaos = new ChaosInjector(new ChaosSettings(0.05, 12, 0, 0, 23)).inject(StreamLines.trades(6_000, 6));
    Injected injected = chaos.injected();

    send(chaos);

    Map<String, Number> router = routerGaugesOnceEverythingIsIn();
    assertThat(count(router, AnomalyTypes.OUT_OF_ORDER)).isEqualTo(injected.outOfOrder()).isGreaterThan(1_000);
    assertThat(count(router, AnomalyTypes.DUPLICATE)).isEqualTo(injected.duplicates()).isPositive();
    assertThat(ingest.stats().rejected()).isZero();
  }

  /** Sends one trade carrying an unknown key on a venue of its own; true when the ingest refused it. */
  private boolean ingestRefusesUnknownKeys() throws SendException {
    TcpIngestStats stats = ingest.stats();
    String probe = JsonFields.parse(StreamLines.trade("probe", "P-USD", "1", StreamLines.START)).orElseThrow()
        .adding("fee", "0.1");
    new FrameSender(target(), Rate.MAX, Progress.none()).sendLines(List.of(probe));
    Await.until(() -> stats.frames() == 1, WAIT, "the probe frame");
    return stats.rejected() == 1;
  }

  private void send(ChaosResult chaos) throws SendException {
    long framesBefore = ingest.stats().frames();
    SendResult sent = new FrameSender(target(), Rate.MAX, Progress.none()).sendLines(chaos.lines());
    assertThat(sent.frames()).isEqualTo(chaos.lines().size());
    Await.until(() -> ingest.stats().frames() - framesBefore == sent.frames(), WAIT, "every frame read");
  }

  /**
   * The router's gauges once they account for every event the ingest passed on: each is routed, rejected or
   * dropped as a duplicate. Gauges are reported every second, so this waits for a report after the last event.
   */
  private Map<String, Number> routerGaugesOnceEverythingIsIn() {
    long events = ingest.stats().events();
    Await.until(() -> {
      Map<String, Number> g = routerGauges();
      return count(g, "routed") + count(g, "rejected") + count(g, AnomalyTypes.DUPLICATE) == events;
    }, WAIT, events + " events accounted for by the router");
    return routerGauges();
  }

  private Map<String, Number> routerGauges() {
    ComponentHealth router = node.health().get("router");
    return router == null ? Map.of() : router.gauges();
  }

  private static long count(Map<String, Number> gauges, String name) {
    Number n = gauges.get(name);
    if (n == null) {
      n = gauges.get("anomalies_" + name);
    }
    return n == null ? 0 : n.longValue();
  }

  private HostPort target() {
    return new HostPort("127.0.0.1", ingest.actualPort());
  }
}
