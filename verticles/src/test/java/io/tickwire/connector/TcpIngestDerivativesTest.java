package io.tickwire.connector;

import static io.tickwire.connector.IngestHarness.concat;
import static io.tickwire.connector.IngestHarness.frame;
import static io.tickwire.connector.IngestHarness.trade;
import static io.tickwire.connector.IngestHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Greeks;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.OptionContract;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.OptionType;
import io.tickwire.codecs.V1Json;
import io.tickwire.codecs.VolatilityIndex;
import io.tickwire.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Option tickers, mark/funding updates and volatility index values over the TCP ingest, drifted ones included. */
@ExtendWith(VertxExtension.class)
class TcpIngestDerivativesTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long T = IngestHarness.EVENT_TIME;

  private static OptionTicker ticker() {
    return new OptionTicker("tcp", "BTC-27DEC24-60000-C", new OptionContract("BTC-27DEC24", 1_735_286_400_000_000L,
        Decimals.parse("60000"), OptionType.CALL), Decimals.parse("0.0455"), Decimals.parse("0.045"),
        Decimals.parse("10"), Decimals.parse("0.046"), Decimals.parse("2.5"), Decimals.parse("61000.5"),
        Decimals.parse("60990.1"), 52.1, 51.9, 52.4, new Greeks(0.55, 0.00003, 120.2, -45.1), Decimals.parse("842"),
        T, 0, 0);
  }

  private static MarkFunding funding() {
    return new MarkFunding("tcp", "BTCUSDT", Decimals.parse("61000.10"), Decimals.parse("60990.00"),
        Decimals.parse("60995.5"), Decimals.parse("0.0001"), T + 3_600_000_000L, T, 0, 0);
  }

  private static VolatilityIndex dvol() {
    return new VolatilityIndex("tcp", "btc_usd", Decimals.parse("52.73"), T, 0, 0);
  }

  @Test
  void theDerivativesKindsArriveWithEveryFieldIntactAndIngestTimeStamped(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx);
    List<MarketEvent> sent = List.of(ticker(), funding(), dvol());
    try (Socket socket = ingest.connect()) {
      write(socket, concat(sent.stream().map(IngestHarness::frame).toList()));
      Await.until(() -> ingest.events.size() == 3, WAIT, "three events");
    }
    for (int i = 0; i < sent.size(); i++) {
      MarketEvent got = ingest.events.get(i);
      assertThat(got.ingestTime()).isPositive();
      assertThat(got).isEqualTo(sent.get(i).withIngestTime(got.ingestTime()));
    }
    assertThat(ingest.verticle.stats().rejected()).isZero();
  }

  @Test
  void aDriftedOptionTickerIsRejectedAsSchemaDriftAndItsNeighboursArrive(Vertx vertx) throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx, "detect.anomaly_samples_per_sec=10");
    String good = V1Json.toJson(ticker());
    List<byte[]> frames = List.of(
        frame(trade(1)),
        frame(good.replace("{\"ver\":1,", "{\"ver\":1,\"rho\":0.01,")),
        frame(funding()),
        frame(good.replace(",\"mark_iv\":52.1", "")),
        frame(dvol()),
        frame(good.replace("\"strike\":60000", "\"strike\":[60000]")),
        frame(V1Json.toJson(funding()).replace("\"funding_rate\":0.0001", "\"funding_rate\":\"high\"")),
        frame(trade(2)));
    try (Socket socket = ingest.connect()) {
      write(socket, concat(frames));
      Await.until(() -> ingest.events.size() == 4 && ingest.verticle.stats().rejected() == 4, WAIT,
          "4 good, 4 bad");
    }
    assertThat(ingest.events).extracting(MarketEvent::kind).extracting(k -> k.wire())
        .containsExactly("trade", "mark_funding", "volatility_index", "trade");
    assertThat(ingest.verticle.stats().rejectedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "schema_drift", 3L, "bad_field", 1L));
    Await.until(() -> ingest.anomalies.size() == 3, WAIT, "a schema_drift anomaly per drifted frame");
    assertThat(ingest.anomalies).allSatisfy(a -> {
      assertThat(a.type()).isEqualTo("schema_drift");
      assertThat(a.symbol()).isEqualTo("BTC-27DEC24-60000-C");
    });
    assertThat(ingest.anomalies.get(0).detail()).contains("unknown keys [rho]");
    assertThat(ingest.anomalies.get(1).detail()).contains("missing required field 'mark_iv'");
    assertThat(ingest.anomalies.get(2).detail()).contains("'strike'");
  }
}
