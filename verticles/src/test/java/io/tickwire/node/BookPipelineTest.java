package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.Role;
import io.tickwire.connector.FrameWriter;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Book updates and gaps from an external producer go through a whole node: the batcher keeps the book, its
 * snapshots reach md.books, the feature snapshots and the orderbook_snapshot table, a crossed book is an anomaly.
 */
@ExtendWith(VertxExtension.class)
class BookPipelineTest {
  private static final long S = 1_000_000L;
  private static final long MS = 1_000L;
  private static final long T0 = 1_714_521_600L * S;

  @Test
  void bookUpdatesBecomeSnapshotsFeaturesRowsAndCrossedBookAnomalies(Vertx vertx) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Pipelines.Capture printed = new Pipelines.Capture();
    Node node = Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(db.settings(), "synthetic.enabled=false",
        "web.enabled=false")), EnumSet.of(Role.INGEST, Role.COMPUTE, Role.PERSIST))
        .print(List.of("md.books", "md.features", "md.anomalies"), printed).build();
    Await.result(node.start());
    try {
      int port = node.stages().stream().filter(TcpIngestVerticle.class::isInstance)
          .map(TcpIngestVerticle.class::cast).findFirst().orElseThrow().actualPort();
      try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream()) {
        for (MarketEvent event : feed()) {
          out.write(FrameWriter.frame(V1Json.toJson(event)).getBytes());
        }
        out.flush();
        Await.until(() -> records(printed, Anomaly.class).stream().anyMatch(BookPipelineTest::crossed),
            Duration.ofSeconds(20), "the crossed_book anomaly");
      }
    } finally {
      Await.result(node.stop());
    }

    List<BookSnapshot> books = records(printed, BookSnapshot.class);
    assertThat(books).as("1s and 2s; none at 3s (dropped by the gap); 4s after the new snapshot; none at 5s (crossed)")
        .extracting(BookSnapshot::ts).containsExactly(T0 + S, T0 + 2 * S, T0 + 4 * S);
    assertThat(levels(books.get(1).bids())).containsExactly("100.5x3", "100x1", "99x2");
    assertThat(levels(books.get(2).bids())).as("only what the snapshot after the gap holds").containsExactly("98x1");

    List<Map<String, Object>> rows = db.query("SELECT (extract(epoch from ts) * 1000000)::bigint AS ts_us,"
        + " bids::text AS bids, mid FROM orderbook_snapshot ORDER BY ts");
    assertThat(rows).extracting(r -> r.get("ts_us")).containsExactly(T0 + S, T0 + 2 * S, T0 + 4 * S);
    assertThat(rows.get(1).get("bids")).isEqualTo("[[100.5, 3], [100, 1], [99, 2]]");
    assertThat(rows.get(1).get("mid")).isEqualTo(books.get(1).mid());

    assertThat(db.query("SELECT ts FROM anomalies WHERE type = 'crossed_book'")).hasSize(1);

    List<FeatureSnapshot> features = records(printed, FeatureSnapshot.class);
    assertThat(features).as("a bar per second traded").hasSize(6);
    assertThat(features).filteredOn(f -> f.features().containsKey(BookSnapshot.MID)).isNotEmpty()
        .allSatisfy(f -> assertThat(f.features().get(BookSnapshot.MID)).as("the mid of a book taken at or before")
            .isIn(books.stream().filter(b -> b.ts() <= f.ts()).map(BookSnapshot::mid).toList()));
  }

  /** Trades every second so 1s bars close; the book: snapshot, deltas, a gap, a new snapshot, a crossing delta. */
  private static List<MarketEvent> feed() {
    List<MarketEvent> events = new ArrayList<>();
    events.add(book(true, 0, bid("100", "1"), bid("99", "2"), ask("101", "1"), ask("102", "2")));
    events.add(book(false, 500, bid("100.5", "3")));
    events.add(book(false, 1_200, ask("101", "0"), ask("101.5", "1")));
    events.add(book(false, 2_300, bid("99.5", "1")));
    events.add(new FeedGap("ext", "XBT/USD", "resync", T0 + 2_500 * MS, 0, 0));
    events.add(book(false, 3_100, bid("100", "5")));
    events.add(book(true, 3_500, bid("98", "1"), ask("99", "1")));
    events.add(book(false, 4_200, ask("99.5", "1")));
    events.add(book(false, 4_500, bid("99", "2")));
    events.add(book(false, 5_100, bid("97", "1")));
    for (int second = 0; second < 6; second++) {
      events.add(new Trade("ext", "XBT/USD", "t" + second, Decimals.parse("100"), Decimals.parse("1"), Side.BUY,
          T0 + second * S + 600 * MS, 0, 0));
    }
    events.sort(java.util.Comparator.comparingLong(MarketEvent::eventTime));
    return events;
  }

  private static BookUpdate book(boolean snapshot, long millis, BookLevel... levels) {
    return new BookUpdate("ext", "XBT/USD", snapshot, List.of(levels), T0 + millis * MS, 0, 0);
  }

  private static BookLevel bid(String price, String size) {
    return new BookLevel(Side.BUY, Decimals.parse(price), Decimals.parse(size));
  }

  private static BookLevel ask(String price, String size) {
    return new BookLevel(Side.SELL, Decimals.parse(price), Decimals.parse(size));
  }

  private static boolean crossed(Anomaly anomaly) {
    return anomaly.type().equals(AnomalyTypes.CROSSED_BOOK);
  }

  private static List<String> levels(List<BookLevel> levels) {
    return levels.stream().map(l -> Decimals.toString(l.price()) + "x" + Decimals.toString(l.size())).toList();
  }

  private static <T> List<T> records(Pipelines.Capture printed, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (String line : printed.text().split("\n")) {
      if (!line.isEmpty()) {
        Object record = V1Json.read(line);
        if (type.isInstance(record)) {
          out.add(type.cast(record));
        }
      }
    }
    return out;
  }
}
