package io.tickwire.bench;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.Trade;
import io.tickwire.config.ConfigLoader;
import io.tickwire.config.Settings;
import io.tickwire.config.SyntheticSettings;
import io.tickwire.connector.SyntheticFeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Inputs shared by the benchmarks: the configuration as tickwire loads it, synthetic trades from the real
 * {@link SyntheticFeed}, and the recorded exchange traffic in the repository's {@code fixtures/} folder. Everything
 * is built in a benchmark's setup, never while it is measured.
 */
public final class BenchInputs {
  /** System property naming the fixtures folder; by default the repository's own {@code fixtures/}. */
  public static final String FIXTURES_PROPERTY = "tickwire.fixtures";
  /** 2024-05-01T00:00:00Z: a fixed event-time start, so every run sees the same trades. */
  public static final long START_MICROS = 1_714_521_600_000_000L;

  private BenchInputs() {
  }

  /** The built-in defaults (conf/tickwire.yaml) with {@code --set}-style overrides, loaded by the real loader. */
  public static Settings settings(String... sets) {
    Vertx vertx = Vertx.vertx();
    try {
      return Settings.from(await(ConfigLoader.load(vertx, null, Map.of(), List.of(sets))));
    } finally {
      await(vertx.close());
    }
  }

  /**
   * {@code count} trades from the synthetic feed over {@code symbols}, arriving at {@code rate} a second of event
   * time, each received 1 to 20 ms after its event time and numbered 1, 2, ... as the router numbers a partition.
   */
  public static List<Trade> trades(int count, List<String> symbols, long rate, long seed) {
    SyntheticSettings synthetic = new SyntheticSettings(true, "synthetic", symbols, seed, rate, count, 256, 0.8, 0,
        START_MICROS, false);
    SyntheticFeed feed = new SyntheticFeed(synthetic, START_MICROS);
    SplittableRandom latency = new SplittableRandom(seed);
    List<Trade> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Trade t = feed.next(0);
      long ingest = t.eventTime() + 1_000 + latency.nextLong(19_000);
      out.add(new Trade(t.venue(), t.symbol(), t.tradeId(), t.price(), t.size(), t.side(), t.eventTime(), ingest,
          i + 1L));
    }
    return out;
  }

  /** {@code trades} cut into consecutive batches of {@code size} (the last one dropped if short). */
  public static List<TickBatch> batches(List<? extends MarketEvent> events, int size, int partition) {
    List<TickBatch> out = new ArrayList<>(events.size() / size);
    for (int from = 0; from + size <= events.size(); from += size) {
      out.add(new TickBatch(partition, new ArrayList<>(events.subList(from, from + size))));
    }
    return out;
  }

  /**
   * The fixtures folder: {@code -Dtickwire.fixtures=PATH} when given, else {@code fixtures/} in the repository root
   * (the nearest directory at or above the working directory holding the parent pom and {@code bench/}). Fails naming the path when it is
   * missing: a benchmark never runs on substitute data.
   */
  public static Path fixtures() {
    String given = System.getProperty(FIXTURES_PROPERTY);
    Path root;
    String how;
    if (given != null && !given.isBlank()) {
      root = Path.of(given).toAbsolutePath().normalize();
      how = "from -D" + FIXTURES_PROPERTY;
    } else {
      Path repo = repositoryRoot();
      root = repo.resolve("fixtures").toAbsolutePath().normalize();
      how = "resolved as fixtures/ in " + repo;
    }
    if (!Files.isDirectory(root.resolve("cryptofeed"))) {
      throw new IllegalStateException("fixtures folder not found: " + root + " (" + how + "; expected a "
          + "cryptofeed/ folder in it). Run from inside the repository, or pass -D"
          + FIXTURES_PROPERTY + "=/path/to/fixtures");
    }
    return root;
  }

  /** A recording under {@code cryptofeed/}; fails naming the path when it is missing. */
  public static Path cryptofeed(String name) {
    Path file = fixtures().resolve("cryptofeed").resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("fixture file not found: " + file);
    }
    return file;
  }

  private static Path repositoryRoot() {
    Path cwd = Path.of("").toAbsolutePath();
    for (Path dir = cwd; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("bench"))
          && Files.isDirectory(dir.resolve("codecs"))) {
        return dir;
      }
    }
    return cwd;
  }

  /** Waits for a setup step (at most a minute); a failure is rethrown. */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("setup step failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("setup step did not complete within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during setup", e);
    }
  }
}
