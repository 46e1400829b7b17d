package io.tickwire.batcher;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.BookSnapshotBatch;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Clock;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.PerSecondSampler;
import io.tickwire.flow.Topology;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.router.detect.AnomalyTypes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns routed ticks into OHLCV bars for the partitions it owns ({@code p % instances == index}), one
 * {@link PartitionWindows} each, and sends the bars to {@code md.bars}. It also keeps those partitions' order books
 * ({@link PartitionBooks}): their snapshots go to {@code md.books}, crossed books to {@code md.anomalies} (every one
 * counted, at most {@code detect.anomaly_samples_per_sec} a second published, like the router's). A tick batch is
 * acknowledged once everything it produced is admitted downstream, so those consumers back-pressure the router.
 * An empty tick batch is the router's word that the partition's source is idle. The open windows that changed
 * are published a few times a second on {@code md.bars.forming} ({@link FormingBars}), for the dashboard.
 */
public final class MicroBatcherVerticle extends VerticleBase {
  public static final String GROUP = "batcher";
  private static final System.Logger LOG = System.getLogger(MicroBatcherVerticle.class.getName());

  private final Settings settings;
  private final Topology topology;
  private final int index;
  private final int instances;
  private final HealthRegistry health;
  private long healthTimer;
  /** Null when observers are not published to (pipeline.publish_to_observers false): nobody would watch. */
  private FormingBars forming;
  private final Map<Integer, PartitionWindows> owned = new LinkedHashMap<>();
  private final Map<Integer, PartitionBooks> books = new LinkedHashMap<>();
  /** Read by the metrics scrape from another thread. */
  private final AtomicLong crossedBooks = new AtomicLong();
  private final List<BookSnapshot> pendingSnapshots = new ArrayList<>();
  private final List<Anomaly> pendingAnomalies = new ArrayList<>();
  private PerSecondSampler anomalySampler;
  private Outlet<BarBatch> bars;
  private Outlet<BookSnapshotBatch> bookSnapshots;
  private Outlet<AnomalyBatch> anomalies;

  public MicroBatcherVerticle(Settings settings, Topology topology, int index, int instances,
      HealthRegistry health) {
    this.health = health;
    this.settings = settings;
    this.topology = topology;
    this.index = index;
    this.instances = instances;
  }

  @Override
  public Future<?> start() {
    bars = new Outlet<>(vertx, Addresses.BARS, topology);
    bookSnapshots = new Outlet<>(vertx, Addresses.BOOKS, topology);
    anomalies = new Outlet<>(vertx, Addresses.ANOMALIES, topology);
    anomalySampler = new PerSecondSampler(settings.detect().anomalySamplesPerSec());
    health.metrics().anomalies(AnomalyTypes.CROSSED_BOOK, crossedBooks::get);
    List<Future<?>> bound = new ArrayList<>();
    for (int p = index; p < settings.pipeline().partitions(); p += instances) {
      PartitionWindows windows = new PartitionWindows(settings.batcher());
      PartitionBooks partitionBooks = new PartitionBooks(settings.books());
      owned.put(p, windows);
      books.put(p, partitionBooks);
      bound.add(CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.ticks(p), GROUP),
          batch -> apply(windows, partitionBooks, batch)));
    }
    healthTimer = HealthReports.every(vertx, health, this::healthNow);
    if (topology.publishToObservers()) {
      forming = FormingBars.start(vertx, owned.values());
    }
    return Future.all(bound);
  }

  /** Flushes every open window and waits until the last bars are acknowledged. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(healthTimer);
    if (forming != null) {
      forming.stop();
    }
    List<Bar> out = new ArrayList<>();
    for (PartitionWindows windows : owned.values()) {
      windows.flush(out);
    }
    return emit(out).compose(v -> Outlet.drainedAll(List.of(bars, bookSnapshots, anomalies)))
        .onComplete(v -> logSummary());
  }

  private Future<Void> apply(PartitionWindows windows, PartitionBooks partitionBooks, TickBatch batch) {
    List<Bar> out = new ArrayList<>();
    long now = Clock.nowMicros();
    if (batch.items().isEmpty()) {
      windows.onIdleCheck(now, out);
      return emit(out);
    }
    windows.onEvents(batch.items(), now, out);
    partitionBooks.onEvents(batch.items(), pendingSnapshots, pendingAnomalies);
    if (pendingSnapshots.isEmpty() && pendingAnomalies.isEmpty()) {
      return emit(out); // the usual batch: nothing from the books
    }
    // Books first: the feature stage joins a bar close with the book at that instant, which a batch often carries
    // too; sent first, it is usually there first (on one node; across nodes the feature join's age bound covers it).
    return Future.all(emitBooks(), emit(out), emitAnomalies()).mapEmpty();
  }

  private Future<Void> emit(List<Bar> out) {
    return out.isEmpty() ? Future.succeededFuture() : bars.send(new BarBatch(out));
  }

  private Future<Void> emitBooks() {
    if (pendingSnapshots.isEmpty()) {
      return Future.succeededFuture();
    }
    BookSnapshotBatch batch = new BookSnapshotBatch(pendingSnapshots); // a copy: the list is reused
    pendingSnapshots.clear();
    return bookSnapshots.send(batch);
  }

  /** Counts every crossed book; publishes the sampled ones, so a feed gone bad cannot flood the bus. */
  private Future<Void> emitAnomalies() {
    if (pendingAnomalies.isEmpty()) {
      return Future.succeededFuture();
    }
    crossedBooks.addAndGet(pendingAnomalies.size());
    List<Anomaly> sampled = new ArrayList<>(pendingAnomalies.size());
    for (Anomaly anomaly : pendingAnomalies) {
      if (anomalySampler.admit()) {
        sampled.add(anomaly);
      }
    }
    pendingAnomalies.clear();
    return sampled.isEmpty() ? Future.succeededFuture() : anomalies.send(new AnomalyBatch(sampled));
  }

  /** Bars closed so far by this instance's partitions (first emissions; revisions are counted apart). */
  public long barsClosed() {
    long closed = 0;
    for (PartitionWindows windows : owned.values()) {
      closed += windows.counters().barsClosed();
    }
    return closed;
  }

  /** Crossed books found so far by this instance (every one, not only the sampled ones published). */
  public long crossedBooks() {
    return crossedBooks.get();
  }

  private Map<String, Number> totals() {
    long trades = 0;
    long closed = 0;
    long revised = 0;
    long dropped = 0;
    for (PartitionWindows windows : owned.values()) {
      WindowCounters c = windows.counters();
      trades += c.trades();
      closed += c.barsClosed();
      revised += c.lateRevised();
      dropped += c.lateDropped();
    }
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("partitions", owned.size());
    gauges.put("trades", trades);
    gauges.put("bars_closed", closed);
    gauges.put("late_revised", revised);
    gauges.put("late_dropped", dropped);
    bookTotals(gauges);
    return gauges;
  }

  private void bookTotals(Map<String, Number> gauges) {
    long updates = 0;
    long ignored = 0;
    long gapDrops = 0;
    long snapshots = 0;
    long withheld = 0;
    int valid = 0;
    for (PartitionBooks partitionBooks : books.values()) {
      BookCounters c = partitionBooks.counters();
      updates += c.updates();
      ignored += c.ignored();
      gapDrops += c.gapDrops();
      snapshots += c.snapshots();
      withheld += c.withheld();
      valid += partitionBooks.validBooks();
    }
    gauges.put("books_valid", valid);
    gauges.put("book_updates", updates);
    gauges.put("book_updates_ignored", ignored);
    gauges.put("books_dropped_on_gap", gapDrops);
    gauges.put("book_snapshots", snapshots);
    gauges.put("book_snapshots_withheld", withheld);
    gauges.put("anomalies_" + AnomalyTypes.CROSSED_BOOK, crossedBooks.get());
  }

  private ComponentHealth healthNow() {
    return ComponentHealth.ok("batcher." + index, bars.saturated() || bookSnapshots.saturated()
        ? "held back by a bar or book consumer" : "windowing",
        totals());
  }

  private void logSummary() {
    LOG.log(System.Logger.Level.INFO, "batcher {0}/{1}: {2}", index, instances, totals());
  }
}
