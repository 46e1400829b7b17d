package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.InfoBar;
import io.tickwire.codecs.Trade;
import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.PrintedOutput;
import io.tickwire.testing.ReferenceInfoBars;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tick, volume and dollar bars through the deployed pipeline into PostgreSQL: out-of-order synthetic trades (within
 * the lateness), partitions, the lossless link to the sink, and the stored rows equal to the independent
 * computation over the trades that reached the batchers.
 */
@ExtendWith(VertxExtension.class)
class InfoBarsPipelineTest {
  private static final int COUNT = 20_000;
  private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD");

  @Test
  void storedInformationBarsEqualTheIndependentComputation(Vertx vertx) {
    TestDatabase db = TestDatabase.fresh();
    Settings settings = Pipelines.settings(vertx, Pipelines.concat(db.settings(),
        "synthetic.count=" + COUNT, "synthetic.rate=max", "synthetic.seed=24", "synthetic.jitter_ms=200",
        "synthetic.start_time=2024-05-01T00:00:00Z", "synthetic.symbols=[BTC-USD,ETH-USD,SOL-USD]",
        "batcher.info_bars=[tick:50,volume:0.5,dollar:50000@BTC-USD]"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Node node = Node.local(vertx, settings, EnumSet.of(Role.INGEST, Role.COMPUTE, Role.PERSIST))
        .print(List.of("md.ticks"), printed).build();

    Await.result(node.start());
    Await.result(node.sourcesFinished());
    Await.result(node.stop());

    PrintedOutput out = PrintedOutput.parse(printed.toString(StandardCharsets.UTF_8));
    List<Trade> trades = out.trades();
    assertThat(trades).hasSize(COUNT);
    assertStored(db, trades, "tick", "50", SYMBOLS);
    assertStored(db, trades, "volume", "0.5", SYMBOLS);
    assertStored(db, trades, "dollar", "50000", List.of("BTC-USD"));
    assertThat(db.count("info_bars")).as("nothing else stored").isEqualTo(
        count(trades, "tick", "50", SYMBOLS) + count(trades, "volume", "0.5", SYMBOLS)
            + count(trades, "dollar", "50000", List.of("BTC-USD")));
  }

  /**
   * A rule on the close of each volume bar, through the whole node: it fires on each rising volume bar that follows
   * a bar that was not rising (edge semantics, no cooldown), at the bar's last trade, and nowhere else.
   */
  @Test
  void aRuleOnEachVolumeBarFiresOnItsRisingEdges(Vertx vertx, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path seed = dir.resolve("rules.yaml");
    java.nio.file.Files.writeString(seed, "rules:\n  - {name: volume_bar_up, condition: 'volume_bar_close >"
        + " volume_bar_open', signal: 1, score: 0.5, cooldown_ms: 0}\n");
    TestDatabase db = TestDatabase.fresh();
    Settings settings = Pipelines.settings(vertx, Pipelines.concat(db.settings(),
        "synthetic.count=" + COUNT, "synthetic.rate=max", "synthetic.seed=7", "synthetic.jitter_ms=200",
        "synthetic.start_time=2024-05-01T00:00:00Z", "synthetic.symbols=[BTC-USD,ETH-USD,SOL-USD]",
        "batcher.info_bars=[volume:0.5]", "rules.seed=" + seed));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Node node = Node.local(vertx, settings, EnumSet.of(Role.INGEST, Role.COMPUTE, Role.PERSIST))
        .print(List.of("md.ticks"), printed).build();
    Await.result(node.start());
    Await.result(node.sourcesFinished());
    Await.result(node.stop());

    List<Trade> trades = PrintedOutput.parse(printed.toString(StandardCharsets.UTF_8)).trades();
    java.util.Set<String> expected = new java.util.TreeSet<>();
    ReferenceInfoBars.compute(trades, "volume", new BigDecimal("0.5"), SYMBOLS).forEach((symbol, bars) -> {
      boolean armed = true;
      for (ReferenceInfoBars.Expected bar : bars) {
        boolean rising = bar.close() > bar.open();
        if (rising && armed) {
          expected.add(symbol + "@" + bar.end());
        }
        armed = !rising;
      }
    });
    java.util.Set<String> fired = new java.util.TreeSet<>();
    for (Map<String, Object> row : db.query("SELECT symbol, ts FROM signals WHERE name = 'volume_bar_up'")) {
      fired.add(row.get("symbol") + "@" + micros(row.get("ts")));
    }
    assertThat(expected).as("rising edges expected").hasSizeGreaterThan(10);
    assertThat(fired).isEqualTo(expected);
  }

  private static long count(List<Trade> trades, String kind, String threshold, List<String> symbols) {
    return ReferenceInfoBars.compute(trades, kind, new BigDecimal(threshold), symbols).values().stream()
        .mapToLong(List::size).sum();
  }

  private static void assertStored(TestDatabase db, List<Trade> trades, String kind, String threshold,
      List<String> symbols) {
    Map<String, List<ReferenceInfoBars.Expected>> expected =
        ReferenceInfoBars.compute(trades, kind, new BigDecimal(threshold), symbols);
    String series = kind + ":" + InfoBar.Thresholds.label(Double.parseDouble(threshold));
    expected.forEach((symbol, bars) -> {
      assertThat(bars).as(series + " " + symbol + " bars expected").hasSizeGreaterThan(3);
      List<Map<String, Object>> rows = db.query("SELECT * FROM info_bars WHERE symbol = '" + symbol
          + "' AND series = '" + series + "' ORDER BY bar_start, first_trade_id");
      assertThat(rows).as(series + " " + symbol).hasSameSizeAs(bars);
      for (int i = 0; i < bars.size(); i++) {
        ReferenceInfoBars.Expected e = bars.get(i);
        Map<String, Object> row = rows.get(i);
        String at = series + " " + symbol + " bar " + i;
        assertThat(micros(row.get("bar_start"))).as(at + " start").isEqualTo(e.start());
        assertThat(micros(row.get("bar_end"))).as(at + " end").isEqualTo(e.end());
        assertThat(((Number) row.get("trades")).longValue()).as(at + " trades").isEqualTo(e.trades());
        assertThat((Double) row.get("open")).as(at + " open").isEqualTo(e.open());
        assertThat((Double) row.get("close")).as(at + " close").isEqualTo(e.close());
        assertThat((Double) row.get("high")).as(at + " high").isEqualTo(e.high());
        assertThat((Double) row.get("low")).as(at + " low").isEqualTo(e.low());
        assertThat((Double) row.get("volume")).as(at + " volume").isEqualTo(e.volume().doubleValue());
        double notional = e.notional().doubleValue();
        assertThat((Double) row.get("notional")).as(at + " notional").isCloseTo(notional, within(notional * 1e-12));
      }
    });
  }

  private static long micros(Object timestamp) {
    java.time.Instant instant = timestamp instanceof OffsetDateTime odt ? odt.toInstant()
        : ((java.sql.Timestamp) timestamp).toInstant();
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }
}
