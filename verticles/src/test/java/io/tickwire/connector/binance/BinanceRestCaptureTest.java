package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.connector.capture.CryptofeedCapture.CaptureFormatException;
import io.tickwire.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinanceRestCaptureTest {
  @Test
  void readsTheRecordedDepthSnapshotsInReceiveOrder() {
    List<BinanceRestCapture.Snapshot> snapshots =
        BinanceRestCapture.read(Fixtures.cryptofeed("BINANCE.http.0.0"));

    assertThat(snapshots).extracting(BinanceRestCapture.Snapshot::symbol)
        .containsExactly("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR");
    assertThat(snapshots.get(0).receivedMicros()).isEqualTo(1_633_998_512_320_639L);
    assertThat(snapshots.get(0).body()).startsWith("{\"lastUpdateId\":499869752,");
  }

  @Test
  void aDepthUrlWithoutASymbolNamesTheLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rest");
    Files.writeString(file, "https://api.binance.com/api/v3/depth?limit=1000 -> 1633998512.3: {}\n");

    assertThatThrownBy(() -> BinanceRestCapture.read(file)).isInstanceOf(CaptureFormatException.class)
        .hasMessageContaining(":1: depth URL without symbol=");
  }
}
