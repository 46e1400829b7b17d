package io.tickwire.batcher;

import io.micrometer.core.instrument.Timer;
import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.InfoBarBatch;
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
import io.tickwire.health.StageContext;
import io.tickwire.health.Status;
import io.tickwire.metrics.Metrics;
import io.tickwire.codecs.AnomalyTypes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Turns routed ticks into OHLCV bars for the partitions it owns, one {@link OwnedPartition} each (windows and books),
 * and sends the bars to {@code md.bars}. On one node it owns {@code p % instances == index} from the start; in a
 * cluster it starts with none and the node's partition ownership has it {@link #take} and {@link #release}
 * partitions as they move between compute nodes (a taken partition is rebuilt from the router's journal first,
 * {@link JournalReplay}). The books' snapshots go to {@code md.books}, crossed books to {@code md.anomalies} (every
 * one counted, at most {@code detect.anomaly_samples_per_sec} a second published, like the router's). A tick batch is
 * acknowledged once everything it produced is admitted downstream, so those consumers back-pressure the router.
 * An empty tick batch is the router's word that the partition's source is idle. The open windows that changed
 * are published a few times a second on {@code md.bars.forming} ({@link FormingBars}), for the dashboard.
 */
public final class MicroBatcherVerticle extends VerticleBase implements PartitionHost {
  public static final String GROUP = "batcher";
  private static final System.Logger LOG = System.getLogger(MicroBatcherVerticle.class.getName());

  private final Settings settings;
  private final Topology topology;
  private final int index;
  private final int instances;
  private final boolean assignedAtRunTime;
  private final HealthRegistry health;
  private final Metrics metrics;
  private final LateShareWatch lateShare = new LateShareWatch();
  /** Totals as of the last health report, for the scrape, which must not walk the partitions from its thread. */
  private final AtomicLong trades = new AtomicLong();
  private final AtomicLong lateDropped = new AtomicLong();
  private long healthTimer;
  /** Null when observers are not published to (pipeline.publish_to_observers false): nobody would watch. */
  private FormingBars forming;
  private final Map<Integer, OwnedPartition> owned = new LinkedHashMap<>();
  /**
   * The evictions of the owned partitions as of the last health report, for the metrics scrape (another thread,
   * which must not walk {@link #owned}). Never lowered, so the counter stays monotonic when a partition moves away.
   */
  private volatile long windowEvictionsSeen;
  private volatile long bookEvictionsSeen;
  /** Read by the metrics scrape from another thread. */
  private final AtomicLong crossedBooks = new AtomicLong();
  private PerSecondSampler anomalySampler;
  private JournalReplay journal;
  private Outlet<BarBatch> bars;
  private Outlet<InfoBarBatch> infoBars;
  private Timer windowLatency;
  private Outlet<BookSnapshotBatch> bookSnapshots;
  private Outlet<AnomalyBatch> anomalies;

  /** A single node's batcher: owns {@code p % instances == index} for good. */
  public MicroBatcherVerticle(StageContext context, int index, int instances) {
    this(context, index, instances, false);
  }

  /** @param assignedAtRunTime start with no partition; they come and go through {@link #take} and {@link #release} */
  public MicroBatcherVerticle(StageContext context, int index, int instances, boolean assignedAtRunTime) {
    this.settings = context.settings();
    this.topology = context.topology();
    this.health = context.health();
    this.metrics = context.metrics();
    this.index = index;
    this.instances = instances;
    this.assignedAtRunTime = assignedAtRunTime;
  }

  @Override
  public Future<?> start() {
    bars = new Outlet<>(vertx, Addresses.BARS, topology);
    infoBars = new Outlet<>(vertx, Addresses.BARS_INFO, topology);
    bookSnapshots = new Outlet<>(vertx, Addresses.BOOKS, topology);
    anomalies = new Outlet<>(vertx, Addresses.ANOMALIES, topology);
    anomalySampler = new PerSecondSampler(settings.detect().anomalySamplesPerSec());
    journal = new JournalReplay(vertx, settings.cluster().ownership().replayChunkEvents(),
        settings.pipeline().sendTimeoutMs());
    metrics.anomalies(AnomalyTypes.CROSSED_BOOK, crossedBooks::get);
    metrics.sum(Metrics.BATCHER_TRADES, "Trades the batchers took into their windows", trades::get);
    metrics.sum(Metrics.LATE_DROPPED, "Trades the batchers dropped as late (by policy, or past the"
        + " revision horizon)", lateDropped::get);
    metrics.evictions("batcher_windows", () -> windowEvictionsSeen);
    metrics.evictions("batcher_books", () -> bookEvictionsSeen);
    windowLatency = metrics.timer(Metrics.WINDOW_LATENCY, "From a window's end (event time) to its bar"
        + " being emitted (wall clock); includes the allowed lateness");
    Future<?> bound = assignedAtRunTime ? Future.succeededFuture() : ownFixedShare();
    healthTimer = HealthReports.every(vertx, health, this::healthNow);
    if (topology.publishToObservers()) {
      forming = FormingBars.start(vertx, owned.values());
    }
    return bound;
  }

  /** One node: the partitions {@code p % instances == index}, from the start and for good. */
  private Future<?> ownFixedShare() {
    List<Future<?>> bound = new ArrayList<>();
    for (int p = index; p < settings.pipeline().partitions(); p += instances) {
      OwnedPartition partition = new OwnedPartition(p, settings);
      owned.put(p, partition);
      bound.add(bindLive(partition));
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
    PartitionOutput out = new PartitionOutput();
    for (OwnedPartition partition : owned.values()) {
      partition.flush(out);
    }
    return emit(out).compose(v -> Outlet.drainedAll(List.of(bars, infoBars, bookSnapshots, anomalies)))
        .onComplete(v -> logSummary());
  }

  /** Runs on this batcher's event loop, whoever calls: the partitions live there. */
  @Override
  public Future<Void> take(int p) {
    return onContext(() -> owned.containsKey(p) ? Future.succeededFuture() : takeHere(p));
  }

  @Override
  public Future<Void> release(int p, boolean flush) {
    return onContext(() -> {
      OwnedPartition partition = owned.remove(p);
      return partition == null ? Future.succeededFuture() : releaseHere(partition, flush);
    });
  }

  private Future<Void> onContext(Supplier<Future<Void>> action) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(done));
    return done.future();
  }

  /** Replays the journal into a fresh partition, then binds the live consumer (which skips what was replayed). */
  private Future<Void> takeHere(int p) {
    OwnedPartition partition = new OwnedPartition(p, settings);
    return journal.replay(partition, this::emit).compose(v -> bindLive(partition)).map(v -> {
      owned.put(p, partition);
      return null;
    });
  }

  private Future<Void> releaseHere(OwnedPartition partition, boolean flush) {
    return partition.unbind().compose(v -> {
      if (!flush) {
        return Future.succeededFuture();
      }
      PartitionOutput out = new PartitionOutput();
      partition.flush(out);
      return emit(out);
    });
  }

  private Future<Void> bindLive(OwnedPartition partition) {
    return CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.ticks(partition.partition), GROUP),
        batch -> apply(partition, batch), metrics).map(consumer -> {
          partition.consumer(consumer);
          return null;
        });
  }

  /**
   * Applies a live batch; one that starts past a hole waits until the journal has filled the hole (events up to
   * the router's last sequence number), and so do the batches behind it: the overtaken batch, when it comes, is then
   * skipped as applied. After the catch-up they are applied whatever it achieved: a hole the journal could not fill
   * is counted ({@code holes_unfilled}), not waited on forever.
   */
  private Future<Void> apply(OwnedPartition partition, TickBatch batch) {
    if (partition.catchingUp == null && !partition.missesEventsBefore(batch.items())) {
      return applyNow(partition, batch);
    }
    if (partition.catchingUp == null) {
      partition.catchingUp = fillHole(partition);
    }
    return partition.catchingUp.compose(v -> applyNow(partition, batch));
  }

  private Future<Void> fillHole(OwnedPartition partition) {
    long from = partition.lastSeq() + 1;
    return journal.replay(partition, this::emit).onSuccess(v -> partition.holeFilled()).recover(e -> {
      LOG.log(System.Logger.Level.ERROR, "partition {0}: events from seq {1} are missing and the journal did not"
          + " answer; going on without them: {2}", partition.partition, from, e.getMessage());
      return Future.succeededFuture();
    }).onComplete(v -> partition.catchingUp = null);
  }

  private Future<Void> applyNow(OwnedPartition partition, TickBatch batch) {
    if (partition.missesEventsBefore(batch.items())) {
      partition.holeUnfilled(); // the catch-up could not fill it: counted, then applied
    }
    PartitionOutput out = new PartitionOutput();
    long now = Clock.nowMicros();
    if (batch.items().isEmpty()) {
      partition.idle(now, out);
    } else {
      partition.apply(batch.items(), now, out);
    }
    return emit(out);
  }

  private Future<Void> emit(PartitionOutput out) {
    if (out.booksQuiet()) {
      return emitBars(out); // the usual batch: nothing from the books
    }
    // Books first: the feature stage joins a bar close with the book at that instant, which a batch often carries
    // too; sent first, it is usually there first (on one node; across nodes the feature join's age bound covers it).
    return Future.all(emitBooks(out), emitBars(out), emitAnomalies(out)).mapEmpty();
  }

  private Future<Void> emitBars(PartitionOutput out) {
    Future<Void> info = out.infoBars.isEmpty() ? Future.succeededFuture()
        : infoBars.send(new InfoBarBatch(out.infoBars));
    if (out.bars.isEmpty()) {
      return info;
    }
    recordWindowLatency(out.bars);
    Future<Void> sent = bars.send(new BarBatch(out.bars));
    return out.infoBars.isEmpty() ? sent : Future.all(sent, info).mapEmpty();
  }

  /** From each window's end to its first bar leaving here; revisions are late data, not window latency. */
  private void recordWindowLatency(List<Bar> closed) {
    long now = Clock.nowMicros();
    for (Bar bar : closed) {
      if (bar.revision() == 0) {
        windowLatency.record(Math.max(0, now - bar.end()), TimeUnit.MICROSECONDS);
      }
    }
  }

  private Future<Void> emitBooks(PartitionOutput out) {
    return out.snapshots.isEmpty() ? Future.succeededFuture()
        : bookSnapshots.send(new BookSnapshotBatch(out.snapshots));
  }

  /** Counts every crossed book; publishes the sampled ones, so a feed gone bad cannot flood the bus. */
  private Future<Void> emitAnomalies(PartitionOutput out) {
    if (out.anomalies.isEmpty()) {
      return Future.succeededFuture();
    }
    crossedBooks.addAndGet(out.anomalies.size());
    List<Anomaly> sampled = new ArrayList<>(out.anomalies.size());
    for (Anomaly anomaly : out.anomalies) {
      if (anomalySampler.admit()) {
        sampled.add(anomaly);
      }
    }
    return sampled.isEmpty() ? Future.succeededFuture() : anomalies.send(new AnomalyBatch(sampled));
  }

  /** Bars closed so far by this instance's partitions (first emissions; revisions are counted apart). */
  public long barsClosed() {
    long closed = 0;
    for (OwnedPartition partition : owned.values()) {
      closed += partition.windows.counters().barsClosed();
    }
    return closed;
  }

  /** Crossed books found so far by this instance (every one, not only the sampled ones published). */
  public long crossedBooks() {
    return crossedBooks.get();
  }

  /** This instance's counts: every owned partition's windows, books and takeover figures, summed. */
  private Map<String, Number> totals() {
    Map<String, Long> sums = new LinkedHashMap<>();
    new WindowCounters().addTo(sums); // zeros first: an instance that owns nothing still reports every count
    for (String key : List.of("events_skipped_as_applied", "holes_filled_from_journal", "holes_unfilled")) {
      sums.put(key, 0L);
    }
    new BookCounters().addTo(sums);
    long validBooks = 0;
    long windowSymbols = 0;
    long books = 0;
    long bookEvictions = 0;
    for (OwnedPartition partition : owned.values()) {
      windowSymbols += partition.windows.symbols();
      books += partition.books.books();
      bookEvictions += partition.books.evictions();
      partition.windows.counters().addTo(sums);
      if (partition.info != null) {
        partition.info.addTo(sums);
      }
      sums.merge("events_skipped_as_applied", partition.skipped(), Long::sum);
      sums.merge("holes_filled_from_journal", partition.holesFilled(), Long::sum);
      sums.merge("holes_unfilled", partition.holesUnfilled(), Long::sum);
      partition.books.counters().addTo(sums);
      validBooks += partition.books.validBooks();
    }
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("partitions", owned.size());
    gauges.putAll(sums);
    gauges.put("books_valid", validBooks);
    gauges.put("window_symbols", windowSymbols);
    gauges.put("books", books);
    gauges.put("books_evicted", bookEvictions);
    windowEvictionsSeen = Math.max(windowEvictionsSeen, sums.get("window_symbols_evicted"));
    bookEvictionsSeen = Math.max(bookEvictionsSeen, bookEvictions);
    gauges.put("anomalies_" + AnomalyTypes.CROSSED_BOOK, crossedBooks.get());
    return gauges;
  }

  private ComponentHealth healthNow() {
    Map<String, Number> totals = totals();
    trades.set(totals.get("trades").longValue());
    lateDropped.set(totals.get("late_dropped").longValue());
    Map<Integer, Double> mostlyLate = lateShare.check(owned);
    if (!mostlyLate.isEmpty()) {
      return new ComponentHealth("batcher." + index, Status.DEGRADED, mostlyLateDetail(mostlyLate), totals);
    }
    return ComponentHealth.ok("batcher." + index, bars.saturated() || bookSnapshots.saturated()
        ? "held back by a bar or book consumer" : "windowing",
        totals);
  }

  private static String mostlyLateDetail(Map<Integer, Double> mostlyLate) {
    StringBuilder detail = new StringBuilder("dropping most trades as late (their watermark is ahead of their event"
        + " times; see the clock_skew anomalies):");
    mostlyLate.forEach((p, share) -> detail.append(" partition ").append(p).append(' ')
        .append(Math.round(share * 100)).append('%'));
    return detail.toString();
  }

  private void logSummary() {
    LOG.log(System.Logger.Level.INFO, "batcher {0}/{1}: {2}", index, instances, totals());
  }
}
