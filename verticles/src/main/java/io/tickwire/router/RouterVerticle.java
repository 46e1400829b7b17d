package io.tickwire.router;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.MarketEvent;
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
import io.tickwire.metrics.Metrics;
import io.tickwire.router.detect.SymbolState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes ingress batches, rejects events that fail validation, stamps each good event with its partition's
 * next sequence number and fans the events out to {@code md.ticks.<p>}. An ingress batch is acknowledged only
 * once every partition link has admitted its share, so a slow batcher holds back the connectors.
 *
 * <p>The router is also where idleness is decided: a partition that has had no events for the idle timeout while
 * the router itself was not held back gets an empty batch (a heartbeat), which lets its batcher close windows by
 * the wall clock. Downstream, silence cannot be told apart from back-pressure.
 *
 * <p>One router instance sequences all partitions, which is what makes {@code seq} monotonic per partition. In a
 * cluster it also journals each partition's events ({@link PartitionJournal}) and replays them on {@code md.journal}
 * ({@link JournalService}) to a compute node taking a partition over; one ingest node per cluster is the supported
 * shape.
 */
public final class RouterVerticle extends VerticleBase {
  public static final String GROUP = "router";
  /** The rejection reason of an event whose (venue, symbol) is new while {@code router.max_symbols} are known. */
  public static final String SYMBOL_CAP = "symbol_cap";
  private static final System.Logger LOG = System.getLogger(RouterVerticle.class.getName());

  private final Settings settings;
  private final Topology topology;
  private final HealthRegistry health;
  private final Metrics metrics;
  private final PartitionSequencer sequencer;
  private final long[] lastRoutedNanos;
  private final long maxFutureMicros;
  private final Set<String> skewGauges = new HashSet<>();
  private List<Outlet<TickBatch>> partitions;
  private Outlet<AnomalyBatch> anomalies;
  private Detectors detectors;
  private final Map<String, PerSecondSampler> anomalySamplers = new HashMap<>();
  private List<Anomaly> found = new ArrayList<>();
  private final List<Anomaly> seen = new ArrayList<>();
  private DeadLetters deadLetters;
  private KnownSymbols symbols;
  private IngestCounts ingested;
  private int pendingIngress;
  private long heartbeatTimer;
  private long staleTimer;
  private IncidentRecording recording;
  private long healthTimer;
  /** Added to once per batch; read by the metrics scrape and the dashboard's events/s from other threads. */
  private final AtomicLong routed = new AtomicLong();

  /** Null when not journaling (one node: the batchers never move, so nothing is ever replayed). */
  private final JournalService journal;

  /** A router without a journal: a single node's. */
  public RouterVerticle(StageContext context) {
    this(context, false);
  }

  /** @param journaling keep the partition journals and serve {@code md.journal} (a cluster's router) */
  public RouterVerticle(StageContext context, boolean journaling) {
    this.settings = context.settings();
    this.topology = context.topology();
    this.health = context.health();
    this.metrics = context.metrics();
    int count = settings.pipeline().partitions();
    this.sequencer = new PartitionSequencer(count);
    this.lastRoutedNanos = new long[count];
    this.maxFutureMicros = settings.router().maxFutureMs() * 1000;
    this.journal = journaling ? new JournalService(journals(settings, count), sequencer.lastSequenceNumbers()) : null;
  }

  private static PartitionJournal[] journals(Settings settings, int count) {
    PartitionJournal[] journals = new PartitionJournal[count];
    for (int p = 0; p < count; p++) {
      journals[p] = PartitionJournal.forSettings(settings);
    }
    return journals;
  }

  @Override
  public Future<?> start() {
    deadLetters = new DeadLetters(vertx, settings.router().dlqSamplesPerSec(), metrics);
    symbols = new KnownSymbols(settings.router().maxSymbols(), settings.router().symbolIdleMs());
    metrics.evictions("router_symbols", symbols::evicted);
    detectors = new Detectors(settings.detect(), maxFutureMicros);
    detectors.register(metrics);
    ingested = new IngestCounts(metrics);
    metrics.routed(routed::get);
    recording = IncidentRecording.start(vertx, settings, metrics);
    anomalies = new Outlet<>(vertx, Addresses.ANOMALIES, topology);
    partitions = new ArrayList<>(sequencer.partitions());
    long now = System.nanoTime();
    for (int p = 0; p < sequencer.partitions(); p++) {
      partitions.add(new Outlet<>(vertx, Addresses.ticks(p), topology));
      lastRoutedNanos[p] = now;
    }
    long idleMs = settings.batcher().idleTimeoutMs();
    heartbeatTimer = vertx.setPeriodic(Math.max(10, Math.min(250, idleMs / 4)), id -> heartbeatIdle(idleMs));
    staleTimer = vertx.setPeriodic(Math.max(50, Math.min(1_000, settings.detect().staleAfterMs() / 4)),
        id -> checkStale());
    healthTimer = HealthReports.every(vertx, health, this::healthNow);
    // The journal answers before the first event is routed: a takeover that finds no md.journal can trust that
    // nothing was.
    Future<Void> journalBound = journal == null ? Future.succeededFuture() : journal.bind(vertx);
    return journalBound.compose(v -> CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.INGRESS, GROUP),
        this::route, metrics));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(heartbeatTimer);
    vertx.cancelTimer(staleTimer);
    vertx.cancelTimer(healthTimer);
    reportPendingGaps();
    return recording.stop().compose(v -> Outlet.drainedAll(partitions)).compose(v -> anomalies.drained())
        .onComplete(v -> LOG.log(
        System.Logger.Level.INFO, "router: {0} events routed, {1} rejected {2}, anomalies {3}", routed.get(),
        deadLetters.total(), deadLetters.rejected(), detectors.counts()));
  }

  private Future<?> route(TickBatch batch) {
    split(batch.items());
    long now = System.nanoTime();
    List<Future<Void>> admitted = new ArrayList<>();
    for (int p = 0; p < sequencer.partitions(); p++) {
      List<MarketEvent> events = sequencer.take(p);
      if (events != null) {
        lastRoutedNanos[p] = now;
        admitted.add(partitions.get(p).send(new TickBatch(p, events)));
      }
    }
    if (!found.isEmpty()) {
      admitted.add(anomalies.send(new AnomalyBatch(found)));
      found = new ArrayList<>();
    }
    pendingIngress++;
    return Future.all(admitted).onComplete(v -> pendingIngress--);
  }

  /**
   * Validates, checks and sequences each event into its partition's batch ({@link PartitionSequencer}). The symbol
   * cap is applied before the recorder and the detectors, so a refused symbol leaves no state anywhere.
   */
  private void split(List<MarketEvent> events) {
    long now = Clock.nowMicros();
    long sequenced = 0;
    for (MarketEvent event : events) {
      ingested.count(event);
      SymbolState state = admit(event, now);
      if (state == null) {
        continue;
      }
      recording.record(event);
      if (!detect(event, state, now)) {
        continue;
      }
      int p = sequencer.partitionOf(event);
      MarketEvent sequencedEvent = sequencer.append(p, event);
      if (journal != null) {
        journal.append(p, sequencedEvent);
      }
      sequenced++;
    }
    routed.addAndGet(sequenced);
  }

  /**
   * The event's symbol state when it passes validation and the symbol cap; otherwise null, with the event refused.
   * A known symbol's names passed their checks when it was first admitted, so only a new one's are checked.
   */
  private SymbolState admit(MarketEvent event, long nowMicros) {
    SymbolState state = symbols.find(event.venue(), event.symbol());
    String reason = state == null ? EventValidator.nameReason(event) : null;
    if (reason == null) {
      reason = EventValidator.valueReason(event, nowMicros, maxFutureMicros);
    }
    if (reason == null && state == null) {
      state = symbols.admit(event.venue(), event.symbol(), nowMicros / 1000);
      reason = state == null ? SYMBOL_CAP : null;
    }
    if (reason != null) {
      reject(event, reason, nowMicros);
      return null;
    }
    state.touch(nowMicros / 1000);
    return state;
  }

  /** Counts and samples a refused event; one stamped in the future is also a clock_skew anomaly. */
  private void reject(MarketEvent event, String reason, long nowMicros) {
    deadLetters.reject(event, reason);
    if (reason.equals(EventValidator.FUTURE_TIMESTAMP)) {
      seen.clear();
      detectors.clockSkew(event, nowMicros, seen);
      recording.anomalies(seen);
      sample(seen);
    }
  }

  /**
   * Runs the detectors; every anomaly is counted, at most {@code detect.anomaly_samples_per_sec} of each type are
   * published, so a feed gone bad cannot flood the bus and the database. False when the event is dropped.
   */
  private boolean detect(MarketEvent event, SymbolState state, long nowMicros) {
    seen.clear();
    boolean keep = detectors.admit(event, state, nowMicros, seen);
    recording.anomalies(seen);
    sample(seen);
    return keep;
  }

  private void sample(List<Anomaly> anomalies) {
    for (Anomaly anomaly : anomalies) {
      if (anomalySamplers.computeIfAbsent(anomaly.type(),
          t -> new PerSecondSampler(settings.detect().anomalySamplesPerSec())).admit()) {
        found.add(anomaly);
      }
    }
  }

  /**
   * Stale feeds are judged by the wall clock between batches, and only while no consumer holds the router back:
   * then the silence is ours, not the feed's.
   */
  private void checkStale() {
    if (pendingIngress > 0) {
      return;
    }
    seen.clear();
    detectors.checkStale(symbols.states(), Clock.nowMicros(), seen);
    publishBetweenBatches();
  }

  /** Anomalies found outside {@link #route}: offered to the recorder, sampled and sent on their own. */
  private void publishBetweenBatches() {
    recording.anomalies(seen);
    sample(seen);
    if (!found.isEmpty()) {
      anomalies.send(new AnomalyBatch(found));
      found = new ArrayList<>();
    }
  }

  /** At stop nothing more will arrive, so ids still missing are lost, not late. */
  private void reportPendingGaps() {
    seen.clear();
    detectors.flush(symbols.states(), seen);
    publishBetweenBatches();
  }

  /** Sends a heartbeat to each quiet partition, unless a consumer is holding the router back. */
  private void heartbeatIdle(long idleMs) {
    if (pendingIngress > 0) {
      return;
    }
    long now = System.nanoTime();
    for (int p = 0; p < partitions.size(); p++) {
      Outlet<TickBatch> outlet = partitions.get(p);
      if (now - lastRoutedNanos[p] >= idleMs * 1_000_000L && !outlet.saturated()) {
        outlet.send(new TickBatch(p, List.of()));
      }
    }
  }

  private ComponentHealth healthNow() {
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("routed", routed.get());
    gauges.put("rejected", deadLetters.total());
    gauges.put("ingress_batches_waiting", pendingIngress);
    deadLetters.rejected().forEach((reason, n) -> gauges.put("rejected_" + reason, n));
    gauges.put("symbols", symbols.size());
    gauges.put("symbols_max", symbols.maxSymbols());
    gauges.put("symbols_evicted_idle", symbols.evicted());
    gauges.putIfAbsent("rejected_" + SYMBOL_CAP, 0L);
    detectors.counts().forEach((type, n) -> gauges.put("anomalies_" + type, n));
    detectors.clockSkewMicros().forEach((venue, skew) -> gauges.put("clock_skew_ms_" + venue, skew / 1000.0));
    registerSkewGauges();
    recording.gauges().forEach((name, n) -> gauges.put("recorder_" + name, n));
    if (journal != null) {
      gauges.put("journal_events", journal.journaled());
      gauges.put("journal_not_journaled", journal.notJournaled());
      gauges.put("journal_cap_advances", journal.capAdvances());
    }
    String detail = pendingIngress > 0 ? "held back by a consumer" : "routing";
    return ComponentHealth.ok("router", detail, gauges);
  }

  /** A venue's skew gauge is registered with its first estimate; the detector bounds how many venues have one. */
  private void registerSkewGauges() {
    Map<String, Long> estimates = detectors.clockSkewMicros();
    for (String venue : estimates.keySet()) {
      if (skewGauges.add(venue)) {
        metrics.gauge(Metrics.CLOCK_SKEW, "Clock skew estimate per venue: the smallest ingest time minus"
            + " event time over its recent events (negative: the venue's clock is ahead)",
            () -> estimates.getOrDefault(venue, 0L) / 1e6, "venue", venue);
      }
    }
  }

  public DeadLetters deadLetters() {
    return deadLetters;
  }

  public long routed() {
    return routed.get();
  }

  /** (venue, symbol) keys admitted now; never more than {@code router.max_symbols}. */
  public int knownSymbols() {
    return symbols.size();
  }

  /** Keys forgotten as idle to make room for new ones. */
  public long symbolsEvicted() {
    return symbols.evicted();
  }

  /** Incident bundles written so far. */
  public long incidents() {
    return recording.written();
  }

  /** Anomalies detected so far by type (every one, not only the sampled ones that were published). */
  public Map<String, Long> anomalyCounts() {
    return detectors.counts();
  }
}
