package io.tickwire.bench;

import io.tickwire.codecs.Trade;
import io.tickwire.config.Settings;
import io.tickwire.config.SyntheticSettings;
import io.tickwire.connector.SyntheticFeed;
import io.tickwire.store.Database;
import io.tickwire.store.TradeRows;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The PostgreSQL sink's trade insert, per row: one statement of {@value #ROWS} rows ({@code sink.batch_rows}'
 * default) through {@link TradeRows}, i.e. the production SQL (array {@code unnest} insert, {@code ON CONFLICT DO
 * NOTHING}) on the Vert.x pg-client, against the embedded PostgreSQL that {@link Database#open} starts when no
 * {@code pg.url} is set (fsync and synchronous commit on, migrations applied), in a temporary data directory.
 * One statement in flight at a time (the sink allows {@code sink.max_statements}, 2, per table). Every row is a
 * new trade (the synthetic feed goes on across invocations), built before each invocation, so what is measured
 * is parameter building, the round trip and the server's insert and commit. I/O-bound and on the same two cores
 * as the server: read it as an order of magnitude. The score is rows/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PostgresInsertBenchmark {
  static final int ROWS = 5_000;

  private Path dataDir;
  private Vertx vertx;
  private Database database;
  private final TradeRows sql = new TradeRows();
  private SyntheticFeed feed;
  private List<Trade> rows;
  private long seq;
  private java.util.logging.Level rootLevel;

  @Setup(Level.Trial)
  public void open() throws IOException {
    // The server's start-up chatter (initdb, pg_ctl, Flyway) would bury JMH's output; warnings still show.
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    rootLevel = root.getLevel();
    root.setLevel(java.util.logging.Level.WARNING);
    dataDir = Files.createTempDirectory("tickwire-bench-pg");
    Settings settings = BenchInputs.settings("data_dir=" + dataDir);
    if (!settings.pg().embedded() || settings.sink().batchRows() != ROWS) {
      throw new IllegalStateException("expected the defaults: embedded PostgreSQL and sink.batch_rows " + ROWS);
    }
    vertx = Vertx.vertx();
    database = BenchInputs.await(Database.open(vertx, settings));
    feed = new SyntheticFeed(new SyntheticSettings(true, "synthetic", List.of("BTC-USD", "ETH-USD", "SOL-USD"), 42,
        10_000, -1, 256, 0.8, 0, BenchInputs.START_MICROS, false), BenchInputs.START_MICROS);
  }

  @Setup(Level.Invocation)
  public void nextRows() {
    rows = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      Trade t = feed.next(0);
      rows.add(new Trade(t.venue(), t.symbol(), t.tradeId(), t.price(), t.size(), t.side(), t.eventTime(),
          t.eventTime() + 5_000, ++seq));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public int insertTrades() {
    Tuple params = sql.params(sql.prepare(rows));
    int inserted = BenchInputs.await(database.pool().preparedQuery(sql.sql()).execute(params)).rowCount();
    if (inserted != ROWS) {
      throw new IllegalStateException("inserted " + inserted + " of " + ROWS + " new trades");
    }
    return inserted;
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    try {
      if (database != null) {
        BenchInputs.await(database.close(vertx));
      }
    } finally {
      if (vertx != null) {
        BenchInputs.await(vertx.close());
      }
      deleteTree(dataDir);
      java.util.logging.Logger.getLogger("").setLevel(rootLevel);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
