package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.V1Json;
import io.tickwire.config.SyntheticSettings;
import io.tickwire.connector.SyntheticFeed;
import io.tickwire.testing.TickwireProcess;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickwire replay --local} on a file far larger than the heap it is given: it only completes if the file is
 * read, faulted and sent as a stream. A million trades are about 290 MB of JSON; read whole, as replay once did,
 * they need several times the 64 MB allowed here. The flight recorder keeps recent events up to its own budget
 * (64 MB by default, whatever the file), so it is given 8 MB: the heap limit then bounds the replay's own path.
 */
class StreamingReplayIT {
  private static final int TRADES = 1_000_000;
  /** 2024-05-01T00:00:00Z: a fixed start, so every run writes the same file. */
  private static final long START_MICROS = 1_714_521_600_000_000L;
  private static final List<String> SMALL_HEAP = List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError");

  @TempDir
  Path dir;

  @Test
  void aMillionTradesReplayLocallyInA64MegabyteHeap() throws Exception {
    Path file = writeTrades(dir.resolve("trades.jsonl.gz"));
    try (TickwireProcess replay = TickwireProcess.start(dir, "replay", SMALL_HEAP, "replay", "--local", "--file",
        file.toString(), "--duplicate-rate", "0.01", "--shuffle-window", "8", "--summary", "json",
        "--set", "data_dir=" + dir.resolve("data"), "--set", "recorder.max_bytes=8388608")) {
      assertThat(replay.waitFor(Duration.ofMinutes(3))).as(replay.stderr()).isZero();
      JsonObject summary = new JsonObject(replay.stdout().strip());
      assertThat(summary.getLong("processed")).isGreaterThan(TRADES);
      assertThat(summary.getJsonObject("anomalies").getLong("duplicate")).isPositive();
      assertThat(replay.stderr()).contains("replay: injected duplicate=");
    }
  }

  /** Synthetic trades, written through gzip as they are made, so the test itself holds none of them. */
  private static Path writeTrades(Path path) throws IOException {
    SyntheticFeed feed = new SyntheticFeed(new SyntheticSettings(true, "big", List.of("BTC-USD", "ETH-USD"), 1, 0,
        TRADES, 256, 0.8, 0, START_MICROS / 1000, false), START_MICROS);
    try (Writer out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(path),
        1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      for (int i = 0; i < TRADES; i++) {
        out.write(V1Json.toJson(feed.next(0)));
        out.write('\n');
      }
    }
    return path;
  }
}
