package io.tickwire.connector.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.connector.capture.CryptofeedCapture.Record;
import io.tickwire.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureCryptofeedTest {
  @Test
  void parsesTheFourLineShapes() {
    Record open = CryptofeedCapture.parseLine(1, "wss://ws.kraken.com <-> 1618678132.3858151", null);
    assertThat(open).isEqualTo(new Record(1, Direction.OPEN, "wss://ws.kraken.com", 1618678132385815L, ""));
    Record sent = CryptofeedCapture.parseLine(2, "wss://ws.kraken.com <- 1618678132.82: {\"event\":\"subscribe\"}",
        "wss://ws.kraken.com");
    assertThat(sent).isEqualTo(new Record(2, Direction.SENT, "wss://ws.kraken.com", 1618678132820000L,
        "{\"event\":\"subscribe\"}"));
    Record received = CryptofeedCapture.parseLine(3, "1618678133.2949052: {\"event\":\"heartbeat\"}",
        "wss://ws.kraken.com");
    assertThat(received).isEqualTo(new Record(3, Direction.RECEIVED, "wss://ws.kraken.com", 1618678133294905L,
        "{\"event\":\"heartbeat\"}"));
    Record rest = CryptofeedCapture.parseLine(4,
        "https://api.binance.com/api/v3/depth?symbol=X&limit=1000 -> 1633998512: {\"a\": 1}", null);
    assertThat(rest).isEqualTo(new Record(4, Direction.REST, "https://api.binance.com/api/v3/depth?symbol=X&limit=1000",
        1633998512000000L, "{\"a\": 1}"));
  }

  @Test
  void rejectsOtherShapesNamingTheLine() {
    assertThatThrownBy(() -> CryptofeedCapture.parseLine(7, "hello world", null))
        .isInstanceOf(CryptofeedCapture.CaptureFormatException.class).hasMessageStartingWith("7: ");
    assertThatThrownBy(() -> CryptofeedCapture.parseLine(8, "wss://x <=> 1", null))
        .hasMessageContaining("unknown direction");
    assertThatThrownBy(() -> CryptofeedCapture.parseLine(9, "16186x.1: {}", null))
        .hasMessageContaining("bad timestamp");
    assertThatThrownBy(() -> CryptofeedCapture.parseLine(10, "1618678133.29 {}", null))
        .hasMessageContaining("without ': '");
  }

  @Test
  void aMissingFixturesFolderFailsNamingThePath(@TempDir Path tmp) {
    Path module = tmp.resolve("repo").resolve("verticles");
    assertThatThrownBy(() -> Fixtures.root(module)).isInstanceOf(AssertionError.class)
        .hasMessageContaining(tmp.resolve("repo").resolve("fixtures").toString());
  }

  @Test
  void readsEveryLineOfEveryFixtureFile() throws IOException {
    Path dir = Fixtures.cryptofeed("KRAKEN.ws.50.head1500").getParent();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().matches("[A-Z_]+\\.(ws|http)\\..*")).sorted().toList();
    }
    assertThat(files).hasSize(9);
    for (Path file : files) {
      List<Record> records = CryptofeedCapture.readAll(file);
      long nonBlank;
      try (Stream<String> lines = Files.lines(file)) {
        nonBlank = lines.filter(l -> !l.isBlank()).count();
      }
      assertThat(records).as(file.toString()).hasSize((int) nonBlank);
      Map<Direction, Integer> counts = new EnumMap<>(Direction.class);
      records.forEach(r -> counts.merge(r.direction(), 1, Integer::sum));
      long previous = 0;
      for (Record r : records) {
        assertThat(r.epochMicros()).as(file + " line " + r.lineNumber()).isBetween(1_600_000_000_000_000L,
            1_700_000_000_000_000L);
        if (r.direction() != Direction.OPEN) {
          assertThat(r.payload()).as(file + " line " + r.lineNumber()).isNotBlank();
          assertThat(r.payload().charAt(0)).isIn('{', '[');
        }
        previous = Math.max(previous, r.epochMicros());
      }
      if (file.getFileName().toString().contains(".http.")) {
        assertThat(counts).containsOnlyKeys(Direction.REST);
      } else {
        assertThat(counts).containsKeys(Direction.OPEN, Direction.RECEIVED)
            .doesNotContainKey(Direction.REST);
        assertThat(records.get(0).direction()).isEqualTo(Direction.OPEN);
        if (!file.getFileName().toString().startsWith("BINANCE")) {
          assertThat(counts).as(file + ": the subscribe frames").containsKey(Direction.SENT);
        }
        assertThat(records.stream().filter(r -> r.direction() == Direction.RECEIVED).allMatch(r -> r.url() != null))
            .isTrue();
      }
    }
  }
}
