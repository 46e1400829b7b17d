package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.IsoTime;
import io.tickwire.config.Role;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.node.Node;
import io.tickwire.testing.Await;
import io.tickwire.testing.FixtureWebSocketServer;
import io.tickwire.testing.Fixtures;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickwire coverage} over what a whole node recorded from the real Coinbase Exchange connector, served a
 * recorded capture on loopback: a stretch of matches cut out is a {@code sequence_gap} hole and exit 3; the uncut
 * capture is complete.
 */
@ExtendWith(VertxExtension.class)
class CoverageCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> PRODUCTS = List.of("SKL-USD", "SKL-BTC", "BAND-GBP", "NMR-EUR", "BAND-BTC",
      "YFI-BTC", "DASH-BTC", "NU-GBP", "CRV-EUR", "SKL-GBP");
  /** SKL-USD trades cut out of the capture: ids 1568275 to 1568280, between 1568274 and 1568281. */
  private static final Set<Long> CUT = Set.of(1568275L, 1568276L, 1568277L, 1568278L, 1568279L, 1568280L);

  @TempDir
  Path dataDir;

  @Test
  void matchesCutFromTheCaptureAreASequenceGapBoundedByTheTradesAroundThemAndCoverageExits3(Vertx vertx) {
    TestDatabase db = TestDatabase.fresh();
    List<String> frames = frames().stream().filter(f -> !cut(f)).toList();
    record(vertx, db, frames);

    BatchCommands cli = new BatchCommands(db, dataDir);
    assertThat(cli.run("coverage", "--json", "--venue", "coinbase", "--channel", "trades")).as(cli.err.toString())
        .isEqualTo(CoverageCommand.EXIT_HOLES);
    JsonObject skl = stream(cli.lines(), "SKL-USD");
    assertThat(skl.getBoolean("complete")).isFalse();
    assertThat(skl.getJsonArray("holes")).hasSize(1);
    JsonObject hole = skl.getJsonArray("holes").getJsonObject(0);
    assertThat(hole.getString("cause")).isEqualTo("sequence_gap");
    assertThat(hole.getString("detail")).isEqualTo("trade_id jumped from 1568274 to 1568281 (6 missing)");
    assertThat(hole.getString("from")).isEqualTo(IsoTime.format(matchTime(1568274)));
    assertThat(hole.getString("to")).isEqualTo(IsoTime.format(matchTime(1568281)));
    assertThat(skl.getDouble("percent")).isLessThan(100.0).isGreaterThan(0.0);
    assertThat(cli.lines()).as("the other products lost nothing").filteredOn(l -> !l.contains("\"SKL-USD\""))
        .allSatisfy(l -> assertThat(new JsonObject(l).getBoolean("complete")).as(l).isTrue());

    assertThat(cli.run("coverage", "--venue", "coinbase", "--symbol", "SKL-USD", "--channel", "trades"))
        .isEqualTo(CoverageCommand.EXIT_HOLES);
    assertThat(cli.out.toString()).contains("SKL-USD").contains("1 hole(s)").contains("sequence_gap")
        .contains("6 missing");
  }

  @Test
  void theUncutCaptureIsCompleteAndCoverageExits0(Vertx vertx) {
    TestDatabase db = TestDatabase.fresh();
    record(vertx, db, frames());

    BatchCommands cli = new BatchCommands(db, dataDir);
    assertThat(cli.run("coverage", "--json", "--venue", "coinbase")).as(cli.out + "" + cli.err).isZero();
    assertThat(cli.lines()).isNotEmpty().allSatisfy(l -> {
      JsonObject s = new JsonObject(l);
      assertThat(s.getDouble("percent")).as(l).isEqualTo(100.0);
      assertThat(s.getJsonArray("holes")).as(l).isEmpty();
    });
    assertThat(stream(cli.lines(), "SKL-USD").getJsonArray("covered")).hasSize(1);

    assertThat(cli.run("coverage", "--venue", "nowhere")).as("nothing recorded is not complete")
        .isEqualTo(CoverageCommand.EXIT_HOLES);
    assertThat(cli.err.toString()).contains("no stream recorded");
  }

  @Test
  void badOptionsAreRefusedNamingTheValue() {
    TestDatabase db = TestDatabase.fresh();
    BatchCommands cli = new BatchCommands(db, dataDir);
    assertThat(cli.run("coverage", "--channel", "candles")).isEqualTo(RunCommand.EXIT_BAD_CONFIG);
    assertThat(cli.err.toString()).contains("--channel candles").contains("trades, book or quotes");
    assertThat(cli.run("coverage", "--from", "yesterday")).isEqualTo(RunCommand.EXIT_BAD_CONFIG);
    assertThat(cli.err.toString()).contains("--from yesterday");
  }

  /** Runs a node with the Coinbase Exchange connector until every match served is stored, then stops it. */
  void record(Vertx vertx, TestDatabase db, List<String> frames) {
    long matches = frames.stream().filter(f -> f.contains("\"type\":\"match\"")).count();
    record(vertx, db, dataDir, frames, List.of("backfill.coinbase_url=null"), () -> db.count("trades") >= matches);
  }

  /**
   * Runs a node with the Coinbase Exchange connector served {@code frames} on loopback, with {@code extra} settings,
   * until {@code done}, then stops it.
   */
  static void record(Vertx vertx, TestDatabase db, Path dataDir, List<String> frames, List<String> extra,
      java.util.function.BooleanSupplier done) {
    record(vertx, db, dataDir, FixtureWebSocketServer.of(vertx, frames), extra, done);
  }

  /** As above, with a server the caller set up (to drop connections, say). */
  static void record(Vertx vertx, TestDatabase db, Path dataDir, FixtureWebSocketServer server, List<String> extra,
      java.util.function.BooleanSupplier done) {
    List<String> settings = new java.util.ArrayList<>(Pipelines.concat(db.settings(), "data_dir=" + dataDir,
        "synthetic.enabled=false", "web.enabled=false", "connectors.coinbase.enabled=true",
        "connectors.coinbase.protocol=exchange", "connectors.coinbase.url=" + server.uri(),
        "connectors.coinbase.symbols=" + PRODUCTS, "connectors.coinbase.channels=[trades]", "coverage.flush_ms=100"));
    settings.addAll(extra);
    Node node = Node.local(vertx, Pipelines.settings(vertx, settings),
        EnumSet.of(Role.INGEST, Role.COMPUTE, Role.PERSIST)).build();
    Await.result(node.start());
    try {
      Await.until(done, WAIT, "the served capture recorded");
    } finally {
      Await.result(node.stop());
      server.close();
    }
  }

  static List<String> frames() {
    return CryptofeedCapture.readAll(Fixtures.cryptofeed("COINBASE.ws.28.0")).stream()
        .filter(r -> r.direction() == CryptofeedCapture.Direction.RECEIVED)
        .map(CryptofeedCapture.Record::payload).toList();
  }

  static boolean cut(String frame) {
    if (!frame.contains("\"type\":\"match\"")) {
      return false;
    }
    JsonObject match = new JsonObject(frame);
    return "SKL-USD".equals(match.getString("product_id")) && CUT.contains(match.getLong("trade_id"));
  }

  static long matchTime(long tradeId) {
    return frames().stream().filter(f -> f.contains("\"trade_id\":" + tradeId + ","))
        .map(f -> IsoTime.parse(new JsonObject(f).getString("time"))).findFirst().orElseThrow();
  }

  static JsonObject stream(List<String> lines, String symbol) {
    return lines.stream().map(JsonObject::new).filter(o -> symbol.equals(o.getString("symbol"))).findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + symbol + " in " + lines));
  }
}
