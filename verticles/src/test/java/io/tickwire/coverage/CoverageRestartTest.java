package io.tickwire.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.Role;
import io.tickwire.connector.FrameWriter;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.flow.Clock;
import io.tickwire.node.Node;
import io.tickwire.testing.Await;
import io.tickwire.testing.HttpCall;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.tickwire.web.WebVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node restarted after five minutes down (its wall clock moved, rather than waited for) records a
 * {@code not_running} hole on every stream the ledger had stored, from when the last node was seen alive; a stream
 * that comes back closes its hole; GET /api/coverage shows it all.
 */
@ExtendWith(VertxExtension.class)
class CoverageRestartTest {
  private static final long S = 1_000_000L;
  private static final long DOWN = 300 * S;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dataDir;

  @Test
  void aRestartAfterDowntimeRecordsNotRunningOnEveryStoredStream(Vertx vertx) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    // The first node ran five minutes ago: its clock and its events are moved back (the router refuses events far
    // ahead of the wall clock, so the second node cannot be the one moved forward).
    long t0 = Clock.nowMicros() - DOWN - 10 * S;
    Node first = node(vertx, db, () -> Clock.nowMicros() - DOWN);
    Await.result(first.start());
    try {
      send(first, List.of(trade("AAA-USD", "1", t0), trade("AAA-USD", "2", t0 + S), trade("BBB-USD", "1", t0),
          quote("AAA-USD", t0 + S)));
      Await.until(() -> db.count("coverage_segment") == 3, WAIT, "three streams covered");
    } finally {
      Await.result(first.stop());
    }
    long aliveAt = micros(db.query("SELECT alive_at FROM coverage_heartbeat").get(0).get("alive_at"));

    Node second = node(vertx, db, Clock::nowMicros);
    Await.result(second.start());
    try {
      List<Map<String, Object>> holes = db.query("SELECT symbol, channel, cause, ongoing, start_ts, end_ts"
          + " FROM coverage_segment WHERE kind = 'hole' ORDER BY symbol, channel");
      assertThat(holes).extracting(h -> h.get("symbol") + "/" + h.get("channel"))
          .containsExactly("AAA-USD/quotes", "AAA-USD/trades", "BBB-USD/trades");
      assertThat(holes).allSatisfy(h -> {
        assertThat(h).containsEntry("cause", "not_running").containsEntry("ongoing", true);
        assertThat(micros(h.get("start_ts"))).as("from when a node was last alive").isEqualTo(aliveAt);
        assertThat(micros(h.get("end_ts")) - aliveAt).as("to at least the restart").isGreaterThanOrEqualTo(DOWN);
      });

      long back = Clock.nowMicros() + S;
      send(second, List.of(trade("AAA-USD", "3", back)));
      Await.until(() -> !db.query("SELECT 1 FROM coverage_segment WHERE kind = 'hole' AND symbol = 'AAA-USD'"
          + " AND channel = 'trades' AND NOT ongoing").isEmpty(), WAIT, "the stream that came back closes its hole");

      int web = second.stages().stream().filter(WebVerticle.class::isInstance).map(WebVerticle.class::cast)
          .findFirst().orElseThrow().actualPort();
      HttpCall.Answer answer = HttpCall.to(web, "GET", "/api/coverage?venue=ext&to="
          + IsoTime.format(back + S)).send();
      assertThat(answer.status()).isEqualTo(200);
      JsonArray streams = answer.json().getJsonArray("streams");
      assertThat(streams).hasSize(3);
      JsonObject trades = streams.stream().map(JsonObject.class::cast)
          .filter(o -> o.getString("symbol").equals("AAA-USD") && o.getString("channel").equals("trades"))
          .findFirst().orElseThrow();
      JsonObject hole = trades.getJsonArray("holes").getJsonObject(0);
      assertThat(hole.getString("cause")).isEqualTo("not_running");
      assertThat(hole.getString("from")).isEqualTo(IsoTime.format(aliveAt));
      assertThat(hole.getString("to")).isEqualTo(IsoTime.format(back));
      assertThat(trades.getDouble("percent")).isLessThan(100.0);
      assertThat(answer.json().getBoolean("complete")).isFalse();

      Await.until(() -> HttpCall.to(web, "GET", "/metrics").send().body()
          .contains("tickwire_coverage_ratio{channel=\"trades\",venue=\"ext\"}"), WAIT, "the ratio on /metrics");
      String ratio = HttpCall.to(web, "GET", "/metrics").send().body().lines()
          .filter(l -> l.startsWith("tickwire_coverage_ratio{channel=\"trades\",venue=\"ext\"}")).findFirst()
          .orElseThrow();
      assertThat(Double.parseDouble(ratio.substring(ratio.lastIndexOf(' ') + 1))).as("the downtime counts against")
          .isLessThan(0.5);

      assertThat(HttpCall.to(web, "GET", "/api/coverage?channel=candles").send().status()).isEqualTo(400);
      assertThat(HttpCall.to(web, "GET", "/api/coverage?from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z").send()
          .status()).isEqualTo(400);
      assertThat(HttpCall.to(web, "GET", "/api/coverage?venue=ext&venue=other").send().status()).isEqualTo(400);
    } finally {
      Await.result(second.stop());
    }
  }

  private Node node(Vertx vertx, TestDatabase db, LongSupplier clock) {
    return Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(db.settings(), "data_dir=" + dataDir,
        "synthetic.enabled=false", "coverage.flush_ms=100", "coverage.not_running_after_ms=60000")),
        EnumSet.allOf(Role.class)).wallClock(clock).build();
  }

  private static void send(Node node, List<MarketEvent> events) throws Exception {
    int port = node.stages().stream().filter(TcpIngestVerticle.class::isInstance).map(TcpIngestVerticle.class::cast)
        .findFirst().orElseThrow().actualPort();
    try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream()) {
      for (MarketEvent event : events) {
        out.write(FrameWriter.frame(V1Json.toJson(event)).getBytes());
      }
      out.flush();
    }
  }

  private static long micros(Object timestamp) {
    return IsoTime.epochMicros(((java.sql.Timestamp) timestamp).toInstant().atOffset(java.time.ZoneOffset.UTC));
  }

  private static Trade trade(String symbol, String id, long t) {
    return new Trade("ext", symbol, id, Decimals.parse("10"), Decimals.parse("1"), Side.BUY, t, 0, 0);
  }

  private static Quote quote(String symbol, long t) {
    return new Quote("ext", symbol, Decimals.parse("9.9"), Decimals.parse("1"), Decimals.parse("10.1"),
        Decimals.parse("1"), t, 0, 0);
  }
}
