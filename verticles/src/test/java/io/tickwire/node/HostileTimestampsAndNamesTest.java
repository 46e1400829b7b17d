package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.Role;
import io.tickwire.connector.FrameWriter;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.flow.Clock;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.Status;
import io.tickwire.router.RouterVerticle;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A producer's bad timestamp or bad name on a live node: refused at the door with a counted reason, while the
 * symbol it named keeps its bars.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileTimestampsAndNamesTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long TWENTY_HOURS_MICROS = 20 * 3_600_000_000L;

  @Test
  void aTradeStampedTwentyHoursAheadIsRefusedAndItsSymbolKeepsItsBars(Vertx vertx) throws Exception {
    Pipelines.Capture printed = new Pipelines.Capture();
    Node node = liveNode(vertx, printed);
    Await.result(node.start());
    try {
      Await.until(() -> secondBars(printed, "BTC-USD") >= 2, WAIT, "BTC-USD bars before the bad trade");
      send(node, trade("BTC-USD", "future-1", Clock.nowMicros() + TWENTY_HOURS_MICROS));
      RouterVerticle router = stage(node, RouterVerticle.class);
      Await.until(() -> router.deadLetters().rejected().getOrDefault("future_timestamp", 0L) == 1, WAIT,
          "the future-dated trade refused as future_timestamp");
      long before = secondBars(printed, "BTC-USD");
      Await.until(() -> secondBars(printed, "BTC-USD") >= before + 3, WAIT, "BTC-USD bars after the bad trade");

      ComponentHealth routerHealth = node.health().get("router");
      assertThat(routerHealth.gauges().get("anomalies_clock_skew")).isEqualTo(1L);
      assertThat(routerHealth.gauges()).as("the venue's clock-skew estimate").containsKey("clock_skew_ms_synthetic");
      assertThat(batcherLateDropped(node)).as("no good trade dropped as late").isZero();
    } finally {
      Await.result(node.stop());
    }
    assertThat(printed.parsed().trades()).extracting(Trade::tradeId).doesNotContain("future-1");
  }

  @Test
  void aNulInASymbolIsABadFieldAtTheIngestAndTheFramesAroundItAreRouted(Vertx vertx) throws Exception {
    Pipelines.Capture printed = new Pipelines.Capture();
    Node node = Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(),
        "synthetic.enabled=false")), EnumSet.of(Role.INGEST, Role.COMPUTE)).print(List.of("md.ticks"), printed).build();
    Await.result(node.start());
    try {
      long t0 = Clock.nowMicros() - 60_000_000L;
      String good = V1Json.toJson(trade("ABC-USD", "1", t0));
      send(node, good, good.replace("\"ABC-USD\"", "\"BAD\\u0000X\"").replace("\"1\"", "\"2\""),
          good.replace("\"1\"", "\"3\""));
      TcpIngestVerticle ingest = stage(node, TcpIngestVerticle.class);
      Await.until(() -> printed.parsed().trades().size() == 2, WAIT, "the two good trades routed");
      assertThat(ingest.stats().rejectedByReason()).containsEntry("bad_field", 1L);
    } finally {
      Await.result(node.stop());
    }
    assertThat(printed.parsed().trades()).extracting(Trade::tradeId).containsExactly("1", "3");
  }

  /** Event times from the wall clock, so windows close as time passes and a watermark jump would stop them. */
  private static Node liveNode(Vertx vertx, Pipelines.Capture printed) {
    return Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(),
        "synthetic.rate=500", "synthetic.clock=wall", "synthetic.symbols=[BTC-USD,ETH-USD]",
        "batcher.allowed_lateness_ms=100", "batcher.idle_timeout_ms=500")),
        EnumSet.of(Role.INGEST, Role.COMPUTE)).print(List.of("md.ticks", "md.bars"), printed).build();
  }

  private static Trade trade(String symbol, String id, long eventTime) {
    return new Trade("synthetic", symbol, id, Decimals.parse("65000.5"), Decimals.parse("0.1"), Side.BUY, eventTime,
        0, 0);
  }

  private static void send(Node node, Trade trade) throws Exception {
    send(node, V1Json.toJson(trade));
  }

  private static void send(Node node, String... frames) throws Exception {
    int port = stage(node, TcpIngestVerticle.class).actualPort();
    try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream()) {
      for (String frame : frames) {
        out.write(FrameWriter.frame(frame).getBytes());
      }
      out.flush();
    }
  }

  private static long secondBars(Pipelines.Capture printed, String symbol) {
    return printed.parsed().bars().stream()
        .filter(b -> b.symbol().equals(symbol) && b.intervalMillis() == 1000 && b.revision() == 0).count();
  }

  private static long batcherLateDropped(Node node) {
    return node.health().snapshot().components().stream().filter(c -> c.name().startsWith("batcher."))
        .mapToLong(c -> {
          assertThat(c.status()).as(c.name() + ": " + c.detail()).isEqualTo(Status.OK);
          return c.gauges().get("late_dropped").longValue();
        }).sum();
  }

  private static <T> T stage(Node node, Class<T> type) {
    return node.stages().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }
}
