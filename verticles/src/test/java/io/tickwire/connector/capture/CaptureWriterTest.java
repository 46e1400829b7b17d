package io.tickwire.connector.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.connector.capture.CryptofeedCapture.Record;
import io.tickwire.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** tickwire's capture format is written so that the one capture reader reads it back exactly. */
@ExtendWith(VertxExtension.class)
class CaptureWriterTest {
  private static final long T = 1_718_000_000_000_042L;

  @Test
  void whatIsWrittenReadsBackWithItsDirectionTimeAndFrame(Vertx vertx, @TempDir Path dir) {
    Path file = dir.resolve("rec/kraken.capture");
    CaptureWriter writer = Await.result(CaptureWriter.open(vertx, file, "kraken", "v2", "wss://ws.kraken.com/v2"));
    vertx.runOnContext(v -> {
      writer.opened("wss://ws.kraken.com/v2", T);
      writer.sent("wss://ws.kraken.com/v2", "{\"method\":\"subscribe\"}", T + 1);
      writer.received("{\"channel\":\"book\",\n \"type\":\"update\"}", T + 2);
      writer.rest("https://api.binance.com/api/v3/depth?symbol=BTCUSDT&limit=1000", "{\"lastUpdateId\":7}",
          T + 1_000_000);
    });
    Await.until(() -> writer.lines() == 5, java.time.Duration.ofSeconds(5), "lines written");
    Await.result(writer.close());

    List<Record> records = CryptofeedCapture.readAll(file);
    assertThat(records).extracting(Record::direction)
        .containsExactly(Direction.OPEN, Direction.SENT, Direction.RECEIVED, Direction.REST);
    assertThat(records).extracting(Record::epochMicros).containsExactly(T, T + 1, T + 2, T + 1_000_000);
    assertThat(records.get(2).payload()).as("line breaks inside a JSON frame are only whitespace")
        .isEqualTo("{\"channel\":\"book\",  \"type\":\"update\"}");
    assertThat(records.get(2).url()).isEqualTo("wss://ws.kraken.com/v2");
    assertThat(CaptureSource.symbolOf(records.get(3).url())).isEqualTo("BTCUSDT");
    assertThat(CaptureSource.headerField(file, "venue")).isEqualTo("kraken");
    assertThat(CaptureSource.headerField(file, "protocol")).isEqualTo("v2");
    assertThat(writer.dropped()).isZero();
  }

  @Test
  void timesKeepSixDecimals() {
    assertThat(CaptureWriter.seconds(1_618_677_817_061_845L)).isEqualTo("1618677817.061845");
    assertThat(CaptureWriter.seconds(1_000_000L)).isEqualTo("1.000000");
  }
}
