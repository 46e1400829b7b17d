package io.tickwire.connector;

import static io.tickwire.connector.IngestHarness.frame;
import static io.tickwire.connector.IngestHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several decoders share the ingest's port: connections spread over them, and each keeps its order. */
@ExtendWith(VertxExtension.class)
class TcpIngestDecodersTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int CONNECTIONS = 4;
  private static final int TRADES = 2_000;

  @Test
  void connectionsSpreadOverTheDecodersAndEachConnectionKeepsItsOrder(Vertx vertx) throws Exception {
    IngestHarness ingest = IngestHarness.start(vertx, "ingest.tcp.decoders=2");
    List<Socket> sockets = new ArrayList<>();
    for (int c = 0; c < CONNECTIONS; c++) {
      sockets.add(ingest.connect());
    }
    Await.until(() -> ingest.verticle.stats().connections() == CONNECTIONS, WAIT, "every connection accepted");
    assertThat(ingest.verticle.connectionsPerDecoder()).as("Vert.x hands the connections to the decoders in turn")
        .hasSize(2).allSatisfy(n -> assertThat(n).isPositive());
    for (int c = 0; c < CONNECTIONS; c++) {
      write(sockets.get(c), framesOf("S" + c));
    }
    Await.until(() -> ingest.events.size() == CONNECTIONS * TRADES, WAIT, "every trade of every connection");
    for (int c = 0; c < CONNECTIONS; c++) {
      assertThat(idsOf(ingest.events, "S" + c)).as("connection %d's trades in the order it sent them", c)
          .isSorted().hasSize(TRADES);
    }
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private static byte[] framesOf(String symbol) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < TRADES; i++) {
      out.writeBytes(frame(new Trade("tcp", symbol, String.format("%06d", i), Decimals.parse("100"),
          Decimals.parse("1"), Side.BUY, IngestHarness.EVENT_TIME + i, 0, 0)));
    }
    return out.toByteArray();
  }

  private static List<String> idsOf(List<MarketEvent> events, String symbol) {
    List<String> ids = new ArrayList<>();
    for (MarketEvent event : events) {
      if (event.symbol().equals(symbol)) {
        ids.add(((Trade) event).tradeId());
      }
    }
    return ids;
  }
}
