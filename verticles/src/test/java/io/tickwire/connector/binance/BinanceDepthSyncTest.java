package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.book.OrderBook;
import io.tickwire.testing.Fixtures;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The recorded Binance traffic (fixtures/cryptofeed): depth diffs of 4 symbols and the REST snapshots
 * taken while they streamed, replayed in receive-time order through the sync procedure.
 */
class BinanceDepthSyncTest {
  /** One recorded message: REST snapshot or websocket depth diff, with its receive time. */
  private record Recorded(double at, String symbol, JsonObject snapshot, JsonObject diff) {
  }

  private final Map<String, OrderBook> books = new TreeMap<>();
  private final Map<String, BinanceDepthSync> syncs = new HashMap<>();
  private final List<String> requested = new ArrayList<>();

  @Test
  void theRecordedDiffsSyncToTheRecordedSnapshotsForEverySymbol() throws IOException {
    List<Recorded> timeline = timeline();
    replay(timeline);

    assertThat(syncs).hasSize(4);
    assertThat(syncs.values()).allSatisfy(sync -> {
      assertThat(sync.synced()).isTrue();
      assertThat(sync.gaps()).isZero();
    });
    long diffsAfterSnapshots = timeline.stream().filter(r -> r.diff() != null)
        .filter(r -> r.diff().getLong("u") > snapshotOf(timeline, r.symbol()).getLong("lastUpdateId")).count();
    assertThat(syncs.values().stream().mapToLong(BinanceDepthSync::applied).sum()).isEqualTo(diffsAfterSnapshots)
        .isPositive();
    assertThat(requested).as("one snapshot per symbol at the start, no resync").hasSize(4);
    assertThat(books.values()).allSatisfy(book -> {
      assertThat(book.crossed()).as(book.symbol() + " not crossed").isFalse();
      assertThat(book.bestBid()).isNotEqualTo(OrderBook.NONE);
    });
  }

  @Test
  void aMissingDiffIsAGapThatResyncsOnlyThatSymbol() throws IOException {
    List<Recorded> timeline = timeline();
    Recorded removed = null;
    int seen = 0;
    for (Recorded r : timeline) {
      if (r.diff() != null && r.symbol().equals("NKNUSDT")
          && r.diff().getLong("u") > snapshotOf(timeline, "NKNUSDT").getLong("lastUpdateId") && ++seen == 3) {
        removed = r;
      }
    }
    assertThat(removed).as("a third applied NKNUSDT diff to remove").isNotNull();
    timeline.remove(removed);
    replay(timeline);

    assertThat(syncs.get("NKNUSDT").gaps()).isEqualTo(1);
    assertThat(syncs.get("NKNUSDT").synced()).as("waiting for its fresh snapshot").isFalse();
    assertThat(requested).containsExactlyInAnyOrder("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR", "NKNUSDT");
    syncs.forEach((symbol, sync) -> {
      if (!symbol.equals("NKNUSDT")) {
        assertThat(sync.gaps()).as(symbol).isZero();
        assertThat(sync.synced()).as(symbol).isTrue();
      }
    });
  }

  @Test
  void aDiffThatDoesNotFollowAStaleSnapshotKeepsItsPlaceForTheNextSnapshot() {
    OrderBook book = new OrderBook("binance", "BTCUSDT");
    BinanceDepthSync sync = new BinanceDepthSync("BTCUSDT", book, requested::add, 100);
    sync.begin();
    sync.onDiff(diff(101, 110, "10"));
    sync.onDiff(diff(111, 120, "11"));

    sync.onSnapshot(50, List.of(), List.of()); // older than the first buffered diff: a gap, ask again
    sync.onSnapshot(105, List.of(), List.of()); // taken in the middle of diff 101..110

    assertThat(sync.gaps()).as("only the stale snapshot").isEqualTo(1);
    assertThat(sync.synced()).isTrue();
    assertThat(sync.lastUpdateId()).isEqualTo(120);
    assertThat(requested).hasSize(2);
  }

  private static BinanceDepthSync.Diff diff(long first, long last, String bidPrice) {
    return new BinanceDepthSync.Diff(first, last, List.of(new BinanceDepthSync.Level(
        io.tickwire.codecs.Decimals.parse(bidPrice), io.tickwire.codecs.Decimals.parse("1"))), List.of());
  }

  private void replay(List<Recorded> timeline) {
    for (Recorded r : timeline) {
      BinanceDepthSync sync = syncs.computeIfAbsent(r.symbol(), this::newSync);
      if (r.snapshot() != null) {
        sync.onSnapshot(BinanceDepthFrames.snapshotId(r.snapshot()),
            BinanceDepthFrames.levels(r.snapshot().getJsonArray("bids")),
            BinanceDepthFrames.levels(r.snapshot().getJsonArray("asks")));
      } else {
        sync.onDiff(BinanceDepthFrames.diff(r.diff()));
      }
    }
  }

  private BinanceDepthSync newSync(String symbol) {
    OrderBook book = new OrderBook("binance", symbol);
    books.put(symbol, book);
    BinanceDepthSync sync = new BinanceDepthSync(symbol, book, requested::add, 10_000);
    sync.begin();
    return sync;
  }

  private static JsonObject snapshotOf(List<Recorded> timeline, String symbol) {
    return timeline.stream().filter(r -> r.snapshot() != null && r.symbol().equals(symbol)).findFirst()
        .orElseThrow().snapshot();
  }

  /** Snapshots (BINANCE.http.0.0) and depth diffs (BINANCE.ws.1.0) merged by receive time. */
  private static List<Recorded> timeline() throws IOException {
    List<Recorded> all = new ArrayList<>();
    for (String line : Files.readAllLines(Fixtures.cryptofeed("BINANCE.http.0.0"), StandardCharsets.UTF_8)) {
      int arrow = line.indexOf(" -> ");
      if (arrow < 0) {
        continue;
      }
      int colon = line.indexOf(": ", arrow);
      String symbol = line.substring(line.indexOf("symbol=") + 7, line.indexOf('&', line.indexOf("symbol=")));
      all.add(new Recorded(Double.parseDouble(line.substring(arrow + 4, colon)), symbol,
          new JsonObject(line.substring(colon + 2)), null));
    }
    for (String line : Files.readAllLines(Fixtures.cryptofeed("BINANCE.ws.1.0"), StandardCharsets.UTF_8)) {
      int colon = line.indexOf(": ");
      if (line.startsWith("wss://") || colon < 0) {
        continue;
      }
      JsonObject data = new JsonObject(line.substring(colon + 2)).getJsonObject("data");
      if (data != null && "depthUpdate".equals(data.getString("e"))) {
        all.add(new Recorded(Double.parseDouble(line.substring(0, colon)), data.getString("s"), null, data));
      }
    }
    all.sort(java.util.Comparator.comparingDouble(Recorded::at));
    return all;
  }
}
