package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * A short run of {@code tickwire bench --json} through the CLI: the whole pipeline runs (its own embedded
 * PostgreSQL), paced at a known rate, and the report's figures are the ones that rate and configuration imply.
 */
class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int bench(String... args) {
    return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void aShortPacedRunReportsItsRateLatencyAndMemoryAsJson() {
    int code = bench("bench", "--duration", "4s", "--warmup", "2s", "--rate", "20000", "--symbols", "3", "--json",
        "--set", "batcher.allowed_lateness_ms=100");

    assertThat(code).as(err.toString()).isZero();
    JsonObject report = new JsonObject(out.toString().strip());
    // Paced, not max rate (which runs at a million or more); a busy machine can delay the source, which then
    // catches up within the window, so the bounds are loose.
    assertThat(report.getLong("events_per_sec")).as("paced at 20,000/s").isBetween(10_000L, 40_000L);
    assertThat(report.getLong("bars")).as("3 symbols, 1s windows, 4 s").isGreaterThanOrEqualTo(6);
    assertThat(report.getDouble("p50_bar_latency_ms")).as("window end to bar: at least the lateness")
        .isBetween(100.0, 2_000.0);
    assertThat(report.getDouble("p99_bar_latency_ms")).isGreaterThanOrEqualTo(report.getDouble("p50_bar_latency_ms"));
    assertThat(report.getLong("signals")).as("the flipping rules fire").isPositive();
    assertThat(report.getDouble("p50_signal_latency_ms")).isGreaterThanOrEqualTo(100.0);
    assertThat(report.getDouble("heap_used_mb")).isPositive();
    assertThat(report.getDouble("rss_mb")).isGreaterThanOrEqualTo(report.getDouble("heap_used_mb") / 2);
    assertThat(report.getLong("dead_lettered_batches")).isZero();
    assertThat(report.getJsonObject("lag_at_end_s").getDouble("md.ticks#batcher")).isBetween(0.0, 5.0);
    assertThat(err.toString()).contains("bench: measuring for 4.0 s");
  }

  @Test
  void barKindsReportsEachKindsCostPerTradeAndTheBarsItBuilt() {
    int code = bench("bench", "--bar-kinds", "--trades", "20000", "--symbols", "4", "--json");

    assertThat(code).as(err.toString()).isZero();
    JsonObject report = new JsonObject(out.toString().strip());
    assertThat(report.getInteger("trades")).isEqualTo(20_000);
    io.vertx.core.json.JsonArray kinds = report.getJsonArray("bar_kinds");
    assertThat(kinds.stream().map(k -> ((JsonObject) k).getString("kind"))).containsExactly(
        "time 1s/10s/1m (skip)", "time 1s/10s/1m (flat)", "calendar 1h/4h/1d America/New_York", "tick:100",
        "volume:1", "dollar:1000");
    for (Object k : kinds) {
      JsonObject kind = (JsonObject) k;
      assertThat(kind.getDouble("ns_per_trade")).as(kind.getString("kind")).isPositive();
      assertThat(kind.getLong("bars")).as(kind.getString("kind")).isPositive();
    }
    // 20,000 trades over 4 symbols: a tick bar per 100 of a symbol's trades, the partial ones never emitted.
    assertThat(kinds.getJsonObject(3).getLong("bars")).isBetween(196L, 200L);
    assertThat(kinds.getJsonObject(1).getLong("bars")).as("flat fills add bars")
        .isGreaterThanOrEqualTo(kinds.getJsonObject(0).getLong("bars"));
  }

  @Test
  void barKindsRefusesTooFewTrades() {
    assertThat(bench("bench", "--bar-kinds", "--trades", "10")).isEqualTo(2);
    assertThat(err.toString()).contains("--bar-kinds needs at least 256 trades");
  }

  @Test
  void badOptionsExitTwoNamingTheValue() {
    assertThat(bench("bench", "--rate", "fast")).isEqualTo(2);
    assertThat(err.toString()).contains("--rate must be max or a positive number of events/s, was 'fast'");
    assertThat(bench("bench", "--symbols", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--symbols must be between 1 and 100000, was 0");
  }
}
