package io.tickwire.connector;

import static io.tickwire.connector.IngestHarness.book;
import static io.tickwire.connector.IngestHarness.concat;
import static io.tickwire.connector.IngestHarness.frame;
import static io.tickwire.connector.IngestHarness.quote;
import static io.tickwire.connector.IngestHarness.trade;
import static io.tickwire.connector.IngestHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Trade;
import io.tickwire.health.ComponentHealth;
import io.tickwire.testing.Await;
import io.tickwire.testing.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class TcpIngestVerticleTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void goodFramesBecomeEventsWithEveryFieldIntactAndIngestTimeStamped(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx);
    long before = io.tickwire.flow.Clock.nowMicros();
    Trade stamped = new Trade("tcp", "BTC-USD", "kept", 1, 1, io.tickwire.codecs.Side.BUY, 5, 77, 0);
    List<MarketEvent> sent = List.of(trade(1), quote(2), book(3), book(4), stamped);
    try (Socket socket = ingest.connect()) {
      for (MarketEvent e : sent) {
        write(socket, frame(e));
      }
      Await.until(() -> ingest.events.size() == sent.size(), WAIT, "all events");
    }
    for (int i = 0; i < sent.size(); i++) {
      MarketEvent got = ingest.events.get(i);
      MarketEvent expected = sent.get(i);
      if (expected.ingestTime() == 0) {
        assertThat(got.ingestTime()).isBetween(before, io.tickwire.flow.Clock.nowMicros());
        assertThat(got).isEqualTo(IngestTimes.stamped(expected, got.ingestTime()));
      } else {
        assertThat(got).as("a producer-given ingest time is kept").isEqualTo(expected);
      }
    }
    assertThat(ingest.verticle.stats().rejected()).isZero();
  }

  @Test
  void manyFramesInOneWriteAndOneFrameSplitByteByByte(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx, "ingest.tcp.batch_size=7");
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      frames.add(frame(trade(i)));
    }
    try (Socket socket = ingest.connect()) {
      write(socket, concat(frames));
      for (byte b : frame(trade(500))) {
        write(socket, new byte[] {b});
      }
      Await.until(() -> ingest.events.size() == 501, WAIT, "501 events");
    }
    assertThat(ingest.tradeIds()).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(0, 500).mapToObj(i -> "t" + i).toList());
  }

  @Test
  void malformedFramesAreCountedByReasonSampledAndSkippedWhileTheirNeighboursArrive(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx, "router.dlq_samples_per_sec=3");
    String good = io.tickwire.codecs.V1Json.toJson(trade(0));
    List<byte[]> frames = List.of(
        frame(trade(1)),
        frame("{not json"),
        frame(trade(2)),
        frame(good.replace("\"ver\":1", "\"ver\":9")),
        frame(trade(3)),
        frame(good.replace("\"trade\"", "\"bar\"")),
        frame(trade(4)),
        frame(good.replace("\"side\":\"buy\"", "\"side\":\"sideways\"")),
        FrameWriter.frame(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}).getBytes(),
        frame(trade(5)));
    try (Socket socket = ingest.connect()) {
      write(socket, concat(frames));
      Await.until(() -> ingest.events.size() == 5 && ingest.verticle.stats().rejected() == 5, WAIT, "5 good, 5 bad");
    }
    assertThat(ingest.tradeIds()).containsExactly("t1", "t2", "t3", "t4", "t5");
    assertThat(ingest.verticle.stats().rejectedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "bad_json", 2L, "unsupported_version", 1L, "not_an_event", 1L, "bad_field", 1L));
    Await.until(() -> ingest.deadLetters.size() == 3, WAIT, "3 sampled dead letters (the per-second budget)");
    assertThat(ingest.deadLetters.get(0).getString("reason")).isEqualTo("bad_json");
    assertThat(ingest.deadLetters.get(0).getString("source")).isEqualTo("tcp");
    assertThat(ingest.deadLetters.get(0).getString("frame_prefix")).isEqualTo("{not json");
    assertThat(ingest.deadLetters.get(0).getString("remote")).contains("127.0.0.1");
    assertThat(ingest.deadLetters.get(1).getString("detail")).contains("version");
  }

  @Test
  void schemaDriftIsRejectedCountedAndReportedAsAnAnomalyOfItsSource(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx, "detect.anomaly_samples_per_sec=2");
    List<io.tickwire.codecs.Anomaly> reported = ingest.anomalies;
    String good = io.tickwire.codecs.V1Json.toJson(trade(0));
    List<byte[]> frames = List.of(
        frame(trade(1)),
        frame(good.replace("{\"ver\":1,", "{\"ver\":1,\"exchange_fee\":0.1,")),
        frame(trade(2)),
        frame(good.replace(",\"size\":0.25", "")),
        frame(trade(3)),
        frame(good.replace("\"side\":\"buy\"", "\"side\":42")),
        frame(trade(4)));
    try (Socket socket = ingest.connect()) {
      write(socket, concat(frames));
      Await.until(() -> ingest.events.size() == 4 && ingest.verticle.stats().rejected() == 3, WAIT, "4 good, 3 drifted");
    }
    assertThat(ingest.tradeIds()).containsExactly("t1", "t2", "t3", "t4");
    assertThat(ingest.verticle.stats().rejectedByReason()).containsExactlyEntriesOf(Map.of("schema_drift", 3L));
    assertThat(ingest.verticle.schemaDrift()).isEqualTo(3);
    Await.until(() -> reported.size() == 2, WAIT, "2 sampled anomalies (the per-second budget)");
    assertThat(reported).allSatisfy(a -> {
      assertThat(a.type()).isEqualTo("schema_drift");
      assertThat(a.venue()).isEqualTo("tcp");
      assertThat(a.symbol()).isEqualTo("BTC-USD");
    });
    assertThat(reported.get(0).detail()).contains("unknown keys [exchange_fee]").contains("frame: {\"ver\":1");
    assertThat(reported.get(1).detail()).contains("missing required field 'size'");
    Await.until(() -> ingest.deadLetters.size() == 3, WAIT, "every drifted frame dead-lettered");
    assertThat(ingest.deadLetters).extracting(d -> d.getString("reason")).containsOnly("schema_drift");
    assertThat(ingest.deadLetters.get(2).getString("detail")).contains("'side'").contains("expected a string");
  }

  @Test
  void anOversizedLengthClosesOnlyThatConnectionWithALoggedReason(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx, "ingest.tcp.max_frame_bytes=4096");
    try (LogCapture log = LogCapture.of(TcpConnection.class.getName());
        Socket bad = ingest.connect(); Socket good = ingest.connect()) {
      write(bad, concat(List.of(frame(trade(1)), Buffer.buffer().appendInt(Integer.MAX_VALUE).getBytes())));
      assertThat(readUntilClosed(bad)).as("the server closed the connection").isTrue();
      write(good, frame(trade(2)));
      Await.until(() -> ingest.events.size() == 2, WAIT, "the frame before the bad length and the other connection's");
      assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("exceeds max_frame_bytes 4096"));
    }
    assertThat(ingest.tradeIds()).containsExactlyInAnyOrder("t1", "t2");
    assertThat(ingest.verticle.stats().closedOversize()).isEqualTo(1);
    assertThat(ingest.verticle.stats().rejectedByReason()).containsEntry("frame_too_large", 1L);
  }

  @Test
  void aConnectionEndingInsideAFrameCountsItAsTruncated(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx);
    byte[] second = frame(trade(2));
    try (Socket socket = ingest.connect()) {
      write(socket, concat(List.of(frame(trade(1)), java.util.Arrays.copyOf(second, second.length / 2))));
    }
    Await.until(() -> ingest.verticle.stats().rejectedByReason().getOrDefault("truncated", 0L) == 1, WAIT,
        "the half frame counted");
    // the count is the ingest's, the event crosses the event bus to the consumer: it may arrive just after
    Await.until(() -> ingest.events.size() == 1, WAIT, "the whole frame's event");
    assertThat(ingest.tradeIds()).containsExactly("t1");
  }

  @Test
  void connectionsBeyondTheMaximumAreRefusedAndCounted(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx, "ingest.tcp.max_connections=2");
    try (Socket first = ingest.connect(); Socket second = ingest.connect()) {
      Await.until(() -> ingest.verticle.stats().connections() == 2, WAIT, "two connections");
      try (Socket third = ingest.connect()) {
        assertThat(readUntilClosed(third)).isTrue();
      }
      Await.until(() -> ingest.verticle.stats().refusedConnections() == 1, WAIT, "one refusal");
      write(second, frame(trade(7)));
      Await.until(() -> ingest.events.size() == 1, WAIT, "the admitted connection still works");
    }
    Await.until(() -> ingest.verticle.stats().connections() == 0, WAIT, "connections closed");
    try (Socket again = ingest.connect()) {
      write(again, frame(trade(8)));
      Await.until(() -> ingest.events.size() == 2, WAIT, "a slot freed by a close is usable again");
    }
  }

  @Test
  void reportsHealthGaugesAndStopsCleanly(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx);
    try (Socket socket = ingest.connect()) {
      write(socket, concat(List.of(frame(trade(1)), frame("[]"))));
      Await.until(() -> ingest.events.size() == 1 && ingest.verticle.stats().rejected() == 1, WAIT, "one of each");
      Await.until(() -> {
        ComponentHealth h = ingest.health.get(TcpIngestVerticle.HEALTH_NAME);
        return h != null && h.gauges().get("frames").longValue() == 2;
      }, Duration.ofSeconds(5), "a health report with the frames");
      Map<String, Number> gauges = ingest.health.get(TcpIngestVerticle.HEALTH_NAME).gauges();
      assertThat(gauges).containsKeys("connections", "frames", "events", "rejected", "rejected_bad_json",
          "closed_oversize", "refused_connections");
      assertThat(gauges.get("connections").longValue()).isEqualTo(1);
      Await.result(vertx.undeploy(ingest.deployment));
      assertThat(readUntilClosed(socket)).as("stop closes the connections").isTrue();
    }
    assertThat(ingest.health.get(TcpIngestVerticle.HEALTH_NAME).detail()).startsWith("stopped");
    assertThat(ingest.verticle.bounded()).isFalse();
    assertThat(ingest.verticle.finished().isComplete()).isFalse();
  }

  /**
   * Whether the server closed the connection within {@link #WAIT}: end of stream, or a reset (a close with unread
   * input). False when the connection is still open at the deadline.
   */
  private static boolean readUntilClosed(Socket socket) throws IOException {
    socket.setSoTimeout((int) WAIT.toMillis());
    InputStream in = socket.getInputStream();
    try {
      while (in.read() >= 0) {
        // the ingest never writes to producers: anything read is skipped until the end
      }
      return true;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    } catch (java.net.SocketException reset) {
      if (socket.isClosed()) {
        throw reset; // closed on this side: it says nothing about the server
      }
      return true;
    }
  }
}
