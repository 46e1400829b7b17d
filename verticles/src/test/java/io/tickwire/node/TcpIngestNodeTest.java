package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.Role;
import io.tickwire.connector.FrameWriter;
import io.tickwire.connector.TcpIngestVerticle;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An external producer's frames go through a whole node: routed, sequenced and printed like any feed. */
@ExtendWith(VertxExtension.class)
class TcpIngestNodeTest {
  @Test
  void framesFromASocketBecomeRoutedTicksAndBars(Vertx vertx) throws Exception {
    Pipelines.Capture printed = new Pipelines.Capture();
    Node node = Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(),
        "synthetic.enabled=false")), EnumSet.of(Role.INGEST, Role.COMPUTE))
        .print(List.of("md.ticks", "md.bars"), printed).build();
    Await.result(node.start());
    try {
      int port = node.stages().stream().filter(TcpIngestVerticle.class::isInstance)
          .map(TcpIngestVerticle.class::cast).findFirst().orElseThrow().actualPort();
      long t0 = 1_714_521_600_000_000L;
      try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream()) {
        for (int i = 0; i < 100; i++) {
          Trade trade = new Trade("ext", "ABC-USD", Integer.toString(i), Decimals.parse("10.5"), Decimals.parse("2"),
              Side.BUY, t0 + i * 10_000L, 0, 0);
          out.write(FrameWriter.frame(V1Json.toJson(i % 10 == 0 ? trade.asBackfill() : trade)).getBytes());
        }
        out.write(FrameWriter.frame("{\"ver\":1,\"kind\":\"trade\",\"venue\":\"ext\"}").getBytes());
        Trade mistyped = new Trade("ext", "ABC-USD", "x", Decimals.parse("10.5"), Decimals.parse("2"), Side.BUY, t0,
            0, 0);
        out.write(FrameWriter.frame(V1Json.toJson(mistyped.asBackfill()).replace("\"backfill\":true",
            "\"backfill\":\"yes\"")).getBytes());
        // One more good trade after the bad frames, so that by the time it is printed both were decided.
        out.write(FrameWriter.frame(V1Json.toJson(new Trade("ext", "ABC-USD", "100", Decimals.parse("10.5"),
            Decimals.parse("2"), Side.BUY, t0 + 999_000L, 0, 0))).getBytes());
        out.flush();
        Await.until(() -> printed.parsed().trades().size() == 101, Duration.ofSeconds(20), "101 routed trades");
      }
    } finally {
      Await.result(node.stop());
    }
    assertThat(printed.parsed().trades()).extracting(Trade::seq).as("sequenced by the router")
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 101).boxed().toList());
    assertThat(printed.parsed().trades())
        .as("a producer's provenance travels with its trades; a mistyped flag is refused")
        .allSatisfy(t -> {
          int id = Integer.parseInt(t.tradeId());
          assertThat(t.backfill()).as(t.tradeId()).isEqualTo(id < 100 && id % 10 == 0);
        });
    assertThat(printed.parsed().bars()).as("the flushed 1s, 10s and 1m bars of the one second they span")
        .extracting(b -> b.trades()).containsOnly(101L);
  }

  @Test
  void anomaliesOfTheIngestAndTheRouterAreCountedOnTheMetricsEndpoint(Vertx vertx) throws Exception {
    Node node = Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(),
        "synthetic.enabled=false", "web.port=0", "web.host=127.0.0.1")),
        EnumSet.of(Role.INGEST, Role.COMPUTE, Role.WEB)).build();
    Await.result(node.start());
    try {
      int port = stage(node, TcpIngestVerticle.class).actualPort();
      int webPort = stage(node, io.tickwire.web.WebVerticle.class).actualPort();
      long t0 = 1_714_521_600_000_000L;
      Trade first = new Trade("ext", "ABC-USD", "1", Decimals.parse("10.5"), Decimals.parse("2"), Side.BUY, t0, 0, 0);
      String json = V1Json.toJson(first);
      try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream()) {
        out.write(FrameWriter.frame(json).getBytes());
        out.write(FrameWriter.frame(json).getBytes());
        out.write(FrameWriter.frame(json.replace("\"size\":2", "\"size\":[2]")).getBytes());
        out.flush();
        Await.until(() -> {
          String text = io.tickwire.testing.HttpProbe.get(webPort, "/metrics").body();
          return text.contains("tickwire_anomalies_total{type=\"duplicate\"} 1.0")
              && text.contains("tickwire_anomalies_total{type=\"schema_drift\"} 1.0");
        }, Duration.ofSeconds(20), "the duplicate and the drifted frame counted");
      }
      io.tickwire.testing.HttpProbe.Reply reply = io.tickwire.testing.HttpProbe.get(webPort, "/metrics");
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.contentType()).startsWith("text/plain");
      assertThat(reply.body()).contains("# TYPE tickwire_anomalies_total counter")
          .contains("tickwire_anomalies_total{type=\"outlier_price\"} 0.0");
    } finally {
      Await.result(node.stop());
    }
  }

  private static <T> T stage(Node node, Class<T> type) {
    return node.stages().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }
}
