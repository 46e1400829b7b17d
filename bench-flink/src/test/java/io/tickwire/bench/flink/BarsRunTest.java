package io.tickwire.bench.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flink job on a tiny file, in a local MiniCluster: the bars one symbol's trades make. */
class BarsRunTest {
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  @TempDir
  Path dir;

  private static String trade(String symbol, String id, long millis, String price, String size) {
    return "{\"ver\":1,\"kind\":\"trade\",\"venue\":\"v\",\"symbol\":\"" + symbol + "\",\"trade_id\":\"" + id
        + "\",\"price\":" + price + ",\"size\":" + size + ",\"side\":\"buy\",\"src_ts\":\""
        + T0.plusMillis(millis) + "\",\"seq\":0}";
  }

  @Test
  void aSymbolsTradesMakeItsBarsOfEachIntervalWhateverTheirOrderWithinTheLateness() throws Exception {
    Path file = dir.resolve("trades.jsonl");
    Files.write(file, List.of(
        trade("BTC-USD", "1", 100, "100.00", "1"),
        trade("BTC-USD", "2", 900, "102.00", "2"),
        trade("BTC-USD", "3", 1_200, "101.00", "1"),
        trade("BTC-USD", "4", 800, "99.00", "1"), // 400 ms behind the newest: within the lateness
        "{\"ver\":1,\"kind\":\"quote\",\"venue\":\"v\",\"symbol\":\"BTC-USD\",\"bid\":1,\"bid_size\":1,\"ask\":2,"
            + "\"ask_size\":1,\"src_ts\":\"" + T0 + "\"}",
        trade("ETH-USD", "1", 1_500, "3000.00", "0.25"),
        trade("BTC-USD", "5", 1_900, "103.00", "0.5"),
        trade("BTC-USD", "6", 2_600, "104.00", "1")));
    Path barsFile = dir.resolve("bars.jsonl");

    RunSummary summary = new BarsRun(Duration.ofMillis(500), 2).run(file, barsFile);

    assertThat(summary.events()).isEqualTo(8);
    assertThat(summary.skipped()).isEqualTo(1);
    assertThat(summary.late()).isZero();
    assertThat(summary.barsByInterval()).containsExactly(Map.entry("1s", 4L),
        Map.entry("10s", 2L), Map.entry("1m", 2L));
    List<ComparedBar> btc = bars(barsFile).stream().filter(b -> b.symbol().equals("BTC-USD"))
        .sorted(Comparator.comparingLong(ComparedBar::intervalMillis)
            .thenComparingLong(ComparedBar::startMillis)).toList();
    long start = T0.toEpochMilli();
    assertThat(btc).containsExactly(
        bar(1_000, start, 100, 102, 99, 102, 4, 403.0 / 4, 3),
        bar(1_000, start + 1_000, 101, 103, 101, 103, 1.5, (101 + 103 * 0.5) / 1.5, 2),
        bar(1_000, start + 2_000, 104, 104, 104, 104, 1, 104, 1),
        bar(10_000, start, 100, 104, 99, 104, 6.5, (403 + 101 + 51.5 + 104) / 6.5, 6),
        bar(60_000, start, 100, 104, 99, 104, 6.5, (403 + 101 + 51.5 + 104) / 6.5, 6));
  }

  private static ComparedBar bar(long interval, long start, double open, double high, double low, double close,
      double volume, double vwap, long trades) {
    return new ComparedBar("v", "BTC-USD", interval, start, open, high, low, close, volume, vwap, trades, 0);
  }

  private static List<ComparedBar> bars(Path file) throws IOException {
    List<ComparedBar> bars = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      bars.add(BarJson.read(line));
    }
    return bars;
  }
}
