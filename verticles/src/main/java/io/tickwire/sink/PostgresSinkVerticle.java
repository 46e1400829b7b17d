package io.tickwire.sink;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.Bar;
import io.tickwire.codecs.InfoBar;
import io.tickwire.codecs.InfoBarBatch;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.BookSnapshotBatch;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.Signal;
import io.tickwire.codecs.SignalBatch;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.VolatilityIndex;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.StageContext;
import io.tickwire.health.Status;
import io.tickwire.metrics.Metrics;
import io.tickwire.store.AnomalyRows;
import io.tickwire.store.BarRows;
import io.tickwire.store.InfoBarRows;
import io.tickwire.store.BookSnapshotRows;
import io.tickwire.store.Database;
import io.tickwire.store.MarkFundingRows;
import io.tickwire.store.OptionTickerRows;
import io.tickwire.store.PooledInsert;
import io.tickwire.store.SignalRows;
import io.tickwire.store.SqlBatch;
import io.tickwire.store.TradeCopy;
import io.tickwire.store.TradeRows;
import io.tickwire.store.VolatilityIndexRows;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Persists trades and the derivatives events (option tickers, mark/funding updates, volatility index values; all
 * unless {@code trades.persist} is false), bars, signals, anomalies and order-book snapshots to PostgreSQL as the
 * lossless {@code pg} consumer group of their topics. Each topic's batches are acknowledged when
 * their rows are committed (see {@link TableWriter}), so the database's pace is the pipeline's pace, and stopping flushes
 * everything that was handed over.
 */
public final class PostgresSinkVerticle extends VerticleBase {
  public static final String GROUP = "pg";
  public static final String HEALTH_NAME = "sink.postgres";
  private static final long HEALTH_PERIOD_MS = 1000;
  private static final System.Logger LOG = System.getLogger(PostgresSinkVerticle.class.getName());

  private final Settings settings;
  private final Database database;
  private final HealthRegistry health;
  private final Metrics metrics;
  private TableWriter<Trade> trades;
  private TableWriter<Bar> bars;
  private TableWriter<InfoBar> infoBars;
  private TableWriter<Signal> signals;
  private TableWriter<Anomaly> anomalies;
  private TableWriter<BookSnapshot> books;
  private TableWriter<OptionTicker> optionTickers;
  private TableWriter<MarkFunding> markFunding;
  private TableWriter<VolatilityIndex> volatilityIndex;
  private long healthTimer;

  public PostgresSinkVerticle(StageContext context, Database database) {
    this.settings = context.settings();
    this.database = database;
    this.health = context.health();
    this.metrics = context.metrics();
  }

  @Override
  public Future<?> start() {
    trades = new TableWriter<>(vertx, settings.sink().copyTrades()
        ? new TradeCopy(vertx, database.jdbc(), settings.sink().maxStatements())
        : new PooledInsert<>(database.pool(), new TradeRows()), settings.sink(), metrics);
    bars = writer(new BarRows());
    infoBars = writer(new InfoBarRows());
    signals = writer(new SignalRows());
    anomalies = writer(new AnomalyRows());
    books = writer(new BookSnapshotRows());
    optionTickers = writer(new OptionTickerRows());
    markFunding = writer(new MarkFundingRows());
    volatilityIndex = writer(new VolatilityIndexRows());
    List<Future<?>> bound = new ArrayList<>();
    if (settings.persistTrades()) {
      for (int p = 0; p < settings.pipeline().partitions(); p++) {
        bound.add(CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.ticks(p), GROUP),
            this::persistTicks, metrics));
      }
    }
    bound.add(CreditReceiver.<BarBatch>bind(vertx, Addresses.inbox(Addresses.BARS, GROUP),
        batch -> bars.add(batch.items()), metrics));
    if (!settings.batcher().shapes().infoBars().isEmpty()) {
      bound.add(CreditReceiver.<InfoBarBatch>bind(vertx, Addresses.inbox(Addresses.BARS_INFO, GROUP),
          batch -> infoBars.add(batch.items()), metrics));
    }
    bound.add(CreditReceiver.<SignalBatch>bind(vertx, Addresses.inbox(Addresses.SIGNALS, GROUP),
        batch -> signals.add(batch.items()), metrics));
    bound.add(CreditReceiver.<AnomalyBatch>bind(vertx, Addresses.inbox(Addresses.ANOMALIES, GROUP),
        batch -> anomalies.add(batch.items()), metrics));
    bound.add(CreditReceiver.<BookSnapshotBatch>bind(vertx, Addresses.inbox(Addresses.BOOKS, GROUP),
        batch -> books.add(batch.items()), metrics));
    healthTimer = vertx.setPeriodic(HEALTH_PERIOD_MS, id -> reportHealth());
    reportHealth();
    return Future.all(bound);
  }

  /** Commits everything handed over before stopping. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(healthTimer);
    return Future.all(writers().stream().map(TableWriter::flush).toList())
        .onComplete(v -> {
          reportHealth();
          LOG.log(System.Logger.Level.INFO, "postgres sink: rows inserted {0}", rowsInserted());
        })
        .eventually(() -> Future.join(writers().stream().map(TableWriter::close).toList()));
  }

  private <E> TableWriter<E> writer(SqlBatch<E> sql) {
    return new TableWriter<>(vertx, new PooledInsert<>(database.pool(), sql), settings.sink(), metrics);
  }

  /** A partition batch is acknowledged once every table's share of it is committed. */
  private Future<?> persistTicks(TickBatch batch) {
    TickRows rows = TickRows.of(batch);
    return Future.all(trades.add(rows.trades()), optionTickers.add(rows.optionTickers()),
        markFunding.add(rows.markFunding()), volatilityIndex.add(rows.volatilityIndex()));
  }

  private List<TableWriter<?>> writers() {
    return List.of(trades, bars, infoBars, signals, anomalies, books, optionTickers, markFunding, volatilityIndex);
  }

  private void reportHealth() {
    WriterHealth writing = WriterHealth.of(writers());
    health.report(new ComponentHealth(HEALTH_NAME, writing.ok() ? Status.OK : Status.DEGRADED,
        writing.detail(database.describe()), writing.gauges()));
  }

  /** The most batches each table ever buffered at once, by table (bounded by the links' credit windows). */
  public Map<String, Integer> maxBufferedBatches() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (TableWriter<?> w : writers()) {
      out.put(w.table(), w.maxBufferedBatches());
    }
    return out;
  }

  /** Rows stored so far, by table (replayed rows the database already had are not counted). */
  public Map<String, Long> rowsInserted() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (TableWriter<?> w : writers()) {
      out.put(w.table(), w.rowsInserted());
    }
    return out;
  }
}
