package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Fixtures;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tickwire replay --capture}: the shared fixtures' real exchange recordings through each venue's connector
 * session, checked through the one JSON summary the command prints.
 */
class ReplayCaptureCommandTest {
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int replay(String... args) {
    List<String> all = new ArrayList<>(List.of("replay"));
    all.addAll(List.of(args));
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return commandLine.execute(all.toArray(String[]::new));
  }

  private JsonObject summary(String... args) {
    assertThat(replay(args)).as(err.toString()).isZero();
    return new JsonObject(out.toString().strip());
  }

  private static String fixture(String name) {
    return Fixtures.cryptofeed(name).toString();
  }

  @Test
  void everyKrakenBookChecksumVerifiesThroughTheLocalPipeline() {
    JsonObject summary = summary("--capture", fixture("KRAKEN.ws.50.head1500"), "--venue", "kraken", "--local",
        "--summary", "json", "--set", "data_dir=" + dir);

    assertThat(summary.getString("protocol")).isEqualTo("v1");
    assertThat(summary.getLong("checksum_failed")).isZero();
    assertThat(summary.getLong("checksum_ok")).isEqualTo(1_463);
    assertThat(summary.getLong("parse_errors")).isZero();
    assertThat(summary.getLong("book_updates")).isGreaterThan(1_463);
    assertThat(summary.getJsonObject("symbols").fieldNames()).isNotEmpty();
    summary.getJsonObject("symbols").forEach(e -> {
      JsonObject top = (JsonObject) e.getValue();
      assertThat(new java.math.BigDecimal(top.getString("best_bid")))
          .as(e.getKey()).isLessThan(new java.math.BigDecimal(top.getString("best_ask")));
    });
    JsonObject pipeline = summary.getJsonObject("pipeline");
    assertThat(pipeline.getLong("processed")).isEqualTo(summary.getLong("book_updates"));
    assertThat(pipeline.getLong("dlq")).isZero();
  }

  @Test
  void theBinanceCaptureSyncsToItsRestSnapshotsWithoutAnError() {
    JsonObject summary = summary("--capture", fixture("BINANCE.ws.1.0"), "--rest", fixture("BINANCE.http.0.0"),
        "--venue", "binance", "--local", "--summary", "json", "--set", "data_dir=" + dir);

    assertThat(summary.getLong("parse_errors")).isZero();
    assertThat(summary.getLong("gaps")).isZero();
    assertThat(summary.getLong("trades")).isPositive();
    assertThat(summary.getLong("book_updates")).isPositive();
    assertThat(summary.getJsonObject("symbols").fieldNames()).contains("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR");
    assertThat(summary.getJsonObject("pipeline").getLong("bars")).isPositive();
  }

  @Test
  void theDeribitCaptureKeepsItsTenBooksInSyncThroughTheLocalPipeline() {
    JsonObject summary = summary("--capture", fixture("DERIBIT.ws.1.0"), "--venue", "deribit", "--local",
        "--summary", "json", "--set", "data_dir=" + dir);

    assertThat(summary.getString("protocol")).isEqualTo("v2");
    assertThat(summary.getLong("parse_errors")).as(summary.getString("last_error")).isZero();
    assertThat(summary.getLong("schema_drift")).isZero();
    assertThat(summary.getLong("option_tickers")).isEqualTo(89);
    assertThat(summary.getLong("trades")).as("the recording has no trade").isZero();
    assertThat(summary.getLong("books")).isEqualTo(10);
    assertThat(summary.getLong("books_in_sync")).isEqualTo(10);
    assertThat(summary.getLong("sequence_continuous")).isEqualTo(36);
    assertThat(summary.getLong("book_updates")).isEqualTo(10 + 36);
    assertThat(summary.getLong("resyncs")).isZero();
    assertThat(summary.getLong("gaps")).isZero();
    assertThat(summary.getJsonObject("symbols").fieldNames()).hasSize(10).contains("BTC-24SEP21-8000-P");
    JsonObject pipeline = summary.getJsonObject("pipeline");
    assertThat(pipeline.getLong("processed")).as("every ticker and book update through ingest, router, batchers")
        .isEqualTo(89 + 46);
    assertThat(pipeline.getLong("dlq")).isZero();
    assertThat(pipeline.getLong("bars")).as("bars come from trades only").isZero();
  }

  @Test
  void aDeribitCaptureMissingOneBookChangeResyncsThatInstrumentAlone() throws IOException {
    Path capture = dir.resolve("deribit-one-change-missing.capture");
    List<String> lines = new ArrayList<>(Files.readAllLines(Fixtures.cryptofeed("DERIBIT.ws.1.0")));
    String removed = lines.stream().filter(l -> l.contains("\"book.BTC-31DEC21-34000-P.raw\"")
        && l.contains("\"type\":\"change\"")).findFirst().orElseThrow();
    lines.remove(removed);
    Files.write(capture, lines);

    JsonObject summary = summary("--capture", capture.toString(), "--venue", "deribit", "--summary", "json",
        "--local", "--set", "data_dir=" + dir.resolve("data"));

    assertThat(summary.getLong("resyncs")).isEqualTo(1);
    assertThat(summary.getLong("gaps")).isEqualTo(1);
    assertThat(summary.getLong("gap_markers")).isEqualTo(1);
    assertThat(summary.getLong("books_in_sync")).isEqualTo(9);
    assertThat(summary.getLong("parse_errors")).isZero();
    assertThat(summary.getLong("sequence_continuous")).as("one change missing, one breaking, one waiting")
        .isEqualTo(36 - 3);
    assertThat(summary.getJsonObject("pipeline").getLong("dlq")).isZero();
  }

  @Test
  void theBinanceFuturesCaptureKeepsEveryDepthDiffContinuousOverItsRestSnapshots() {
    JsonObject summary = summary("--capture", fixture("BINANCE_FUTURES.ws.1.0"), "--rest",
        fixture("BINANCE_FUTURES.http.0.0"), "--venue", "binance_futures", "--local", "--summary", "json", "--set",
        "data_dir=" + dir);

    assertThat(summary.getString("protocol")).isEqualTo("usdm");
    assertThat(summary.getLong("parse_errors")).as(summary.getString("last_error")).isZero();
    assertThat(summary.getLong("schema_drift")).isZero();
    assertThat(summary.getLong("gaps")).isZero();
    assertThat(summary.getLong("resyncs")).isZero();
    assertThat(summary.getLong("books_in_sync")).isEqualTo(4);
    // 764 diffs: 12 older than their book's snapshot are already in it, the other 752 each continue the book
    assertThat(summary.getLong("sequence_continuous")).isEqualTo(752);
    assertThat(summary.getLong("book_updates")).isEqualTo(4 + 752);
    assertThat(summary.getLong("trades")).isEqualTo(91);
    assertThat(summary.getLong("quotes")).isEqualTo(613);
    assertThat(summary.getJsonObject("symbols").fieldNames())
        .containsExactlyInAnyOrder("SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "CTKUSDT");
    JsonObject pipeline = summary.getJsonObject("pipeline");
    assertThat(pipeline.getLong("dlq")).isZero();
    assertThat(pipeline.getLong("bars")).isPositive();
  }

  @Test
  void theCoinbaseCaptureParsesWithoutAnError() {
    JsonObject summary = summary("--capture", fixture("COINBASE.ws.28.0"), "--venue", "coinbase", "--local",
        "--summary", "json", "--set", "data_dir=" + dir);

    assertThat(summary.getString("protocol")).isEqualTo("exchange");
    assertThat(summary.getLong("parse_errors")).isZero();
    assertThat(summary.getLong("trades")).isEqualTo(107);
    assertThat(summary.getLong("frames")).isGreaterThan(9_000);
  }

  @Test
  void badCaptureOptionsExitTwoNamingTheProblem() throws IOException {
    String kraken = fixture("KRAKEN.ws.48.0");
    assertThat(replay("--capture", kraken)).isEqualTo(2);
    assertThat(err.toString()).contains("--capture needs --venue");

    assertThat(replay("--capture", kraken, "--venue", "bitmex")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown venue 'bitmex'");

    assertThat(replay("--capture", kraken, "--venue", "kraken", "--protocol", "v3")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown protocol 'v3' for kraken");

    assertThat(replay("--capture", dir.resolve("absent").toString(), "--venue", "kraken")).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");

    Path garbage = Files.writeString(dir.resolve("garbage.capture"), "hello world\n");
    assertThat(replay("--capture", garbage.toString(), "--venue", "kraken")).isEqualTo(2);
    assertThat(err.toString()).contains("garbage.capture").contains("neither a timestamp nor a URL");

    assertThat(replay("--capture", kraken, "--file", kraken, "--venue", "kraken")).isEqualTo(2);
    assertThat(err.toString()).contains("not both");
    assertThat(out.toString()).isEmpty();
  }
}
