package io.tickwire.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
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
    Node node = new Node(vertx, Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(),
        "synthetic.enabled=false")), EnumSet.of(Role.INGEST, Role.COMPUTE), List.of("md.ticks", "md.bars"), printed);
    Await.result(node.start());
    try {
      int port = node.stages().stream().filter(TcpIngestVerticle.class::isInstance)
          .map(TcpIngestVerticle.class::cast).findFirst().orElseThrow().actualPort();
      long t0 = 1_714_521_600_000_000L;
      try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream()) {
        for (int i = 0; i < 100; i++) {
          Trade trade = new Trade("ext", "ABC-USD", Integer.toString(i), Decimals.parse("10.5"), Decimals.parse("2"),
              Side.BUY, t0 + i * 10_000L, 0, 0);
          out.write(FrameWriter.frame(V1Json.toJson(trade)).getBytes());
        }
        out.write(FrameWriter.frame("{\"ver\":1,\"kind\":\"trade\",\"venue\":\"ext\"}").getBytes());
        out.flush();
        Await.until(() -> printed.parsed().trades().size() == 100, Duration.ofSeconds(20), "100 routed trades");
      }
    } finally {
      Await.result(node.stop());
    }
    assertThat(printed.parsed().trades()).extracting(Trade::seq).as("sequenced by the router")
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
    assertThat(printed.parsed().bars()).as("the flushed 1s, 10s and 1m bars of the one second they span")
        .extracting(b -> b.trades()).containsOnly(100L);
  }
}
