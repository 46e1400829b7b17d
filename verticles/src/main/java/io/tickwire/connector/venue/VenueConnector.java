package io.tickwire.connector.venue;

import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BackfillSettings;
import io.tickwire.flow.Clock;
import io.tickwire.coverage.HoleOutcome;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.ConnectorSettings;
import io.tickwire.config.ConnectorSettings.Venue;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.SchemaDrift;
import io.tickwire.connector.Source;
import io.tickwire.connector.capture.CaptureWriter;
import io.tickwire.connector.ws.FeedState;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Backoff;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.health.StageContext;
import io.tickwire.metrics.Metrics;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * One exchange connector: one or more connections ({@link VenueLane}: a websocket and the venue's
 * {@link VenueSession} on it) and an {@link InboundBuffer} that hands their events to the router in batches as fast
 * as the ingress link admits them. Most venues take one connection; a venue whose symbols come from a
 * {@link SymbolDirectory} (Deribit's listed instruments) spreads them over connections within a per-connection
 * capacity and asks the directory again every refresh, subscribing new symbols and dropping those gone.
 *
 * <p>The sockets are never paused: an exchange cannot be paused, only made to drop us, so a slow pipeline fills the
 * bounded buffer instead, and the configured overflow policy (drop oldest with gap markers, or reconnect and
 * resync) decides what is lost, visibly. Every hole (disconnect, resync, overflow) becomes a gap marker in the
 * stream. Raw frames are recorded, one capture file per connection, when {@code connectors.record_dir} is set.
 */
public final class VenueConnector extends VerticleBase implements Source, VenueLane.Host {
  private static final System.Logger LOG = System.getLogger(VenueConnector.class.getName());
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final ConnectorSettings settings;
  private final Venue venue;
  private final Topology topology;
  private final HealthRegistry health;
  private final Metrics metrics;
  private final int driftSamplesPerSec;
  private final BackfillSettings backfillSettings;
  private final Promise<Void> finished = Promise.promise();
  private final SessionStats stats = new SessionStats();
  private final List<VenueLane> lanes = new ArrayList<>();
  private final Map<String, VenueLane> snapshotAskers = new HashMap<>();
  private final String startedAt = FILE_TIME.format(Instant.now());
  private Outlet<TickBatch> ingress;
  private SchemaDrift drift;
  private InboundBuffer buffer;
  private SnapshotFetcher snapshots;
  private TradeBackfill backfill;
  private SymbolDirectory directory;
  private long healthTimer = -1;
  private long refreshTimer = -1;
  private int failedRefreshes;
  private long refusedSymbols;
  private boolean stopping;
  private boolean flushScheduled;
  private boolean awaitingAdmission;
  private volatile ConnectorFigures figures = ConnectorFigures.INITIAL;

  public VenueConnector(StageContext context, Venue venue) {
    this(context, context.settings().connectors(), venue, context.settings().detect().anomalySamplesPerSec());
  }

  /**
   * With connector settings of its own, for the venues' tests: they dial fixture servers with policies tighter than
   * the config allows.
   */
  public VenueConnector(StageContext context, ConnectorSettings settings, Venue venue, int driftSamplesPerSec) {
    this.settings = settings;
    this.venue = venue;
    this.topology = context.topology();
    this.health = context.health();
    this.metrics = context.metrics();
    this.driftSamplesPerSec = driftSamplesPerSec;
    this.backfillSettings = context.settings().backfill();
  }

  @Override
  public Future<?> start() {
    ingress = new Outlet<>(vertx, Addresses.INGRESS, topology);
    drift = new SchemaDrift(new Outlet<AnomalyBatch>(vertx, Addresses.ANOMALIES, topology), driftSamplesPerSec);
    buffer = new InboundBuffer(venue.name(), settings.bufferEvents(), settings.overflow());
    snapshots = VenueSessions.snapshotFetcher(vertx, venue, this::snapshot);
    backfill = VenueSessions.tradeBackfill(vertx, venue, backfillSettings, snapshots, this::backfilled,
        (reason, count) -> metrics.errors("connector." + venue.name(), "backfill_" + reason, count));
    directory = VenueSessions.symbolDirectory(vertx, venue);
    ConnectorMetrics.register(metrics, venue.name(), () -> figures);
    healthTimer = HealthReports.every(vertx, health, this::healthNow);
    return directory == null ? openLane(0, venue.spec()) : subscribeListed();
  }

  /**
   * Subscribes what the directory lists, or, when it cannot answer yet, the configured symbols (a venue down for
   * REST may still stream), asking again soon; then refreshes on the directory's schedule.
   */
  private Future<Void> subscribeListed() {
    return directory.symbols().recover(failure -> {
      LOG.log(System.Logger.Level.WARNING, "{0}: cannot list instruments ({1}); starting with the configured "
          + "symbols and asking again", venue.name(), failure.getMessage());
      scheduleRefresh(retryDelayMs(++failedRefreshes));
      return Future.succeededFuture(venue.spec().symbols());
    }).compose(this::subscribe).onSuccess(v -> {
      if (refreshTimer == -1) {
        scheduleRefresh(directory.refreshMs());
      }
    });
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(healthTimer);
    vertx.cancelTimer(refreshTimer);
    Future<?> closed = Future.join(lanes.stream().map(VenueLane::stop).toList());
    return closed.compose(v -> drain()).eventually(this::closeResources)
        .onComplete(v -> health.report(healthNow()));
  }

  /** Sends what is still buffered, then waits for the router to acknowledge it all. */
  private Future<Void> drain() {
    while (!buffer.isEmpty()) {
      ingress.send(new TickBatch(TickBatch.UNPARTITIONED, buffer.take(settings.batchSize())));
    }
    return ingress.drained();
  }

  private Future<?> closeResources() {
    List<Future<?>> closing = new ArrayList<>();
    closing.add(snapshots == null ? Future.succeededFuture() : snapshots.close());
    closing.add(backfill == null ? Future.succeededFuture() : backfill.close());
    closing.add(directory == null ? Future.succeededFuture() : directory.close());
    lanes.forEach(lane -> closing.add(lane.closeRecorder()));
    return Future.join(closing);
  }

  @Override
  public Future<Void> finished() {
    return finished.future(); // a live feed never ends by itself
  }

  @Override
  public boolean bounded() {
    return false;
  }

  // --- connections and their symbols ---

  /** Spreads {@code wanted} over the connections: retargets the open ones, opens those newly needed. */
  private Future<Void> subscribe(List<String> wanted) {
    List<Set<String>> current = new ArrayList<>();
    lanes.forEach(lane -> current.add(retargetable(lane).symbols()));
    LanePlan.Assignment plan = LanePlan.assign(current, wanted, directory.firstConnectionCapacity(),
        directory.connectionCapacity(), directory.maxConnections());
    refusedSymbols = plan.refused().size();
    if (!plan.refused().isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "{0}: {1} symbols do not fit {2} connections; not subscribed: {3}",
          venue.name(), plan.refused().size(), directory.maxConnections(), plan.refused());
    }
    List<Future<?>> opened = new ArrayList<>();
    for (int i = 0; i < plan.lanes().size(); i++) {
      Set<String> symbols = plan.lanes().get(i);
      if (i < lanes.size()) {
        retargetable(lanes.get(i)).retarget(symbols);
      } else {
        opened.add(openLane(i, new SessionSpec(List.copyOf(symbols), venue.spec().channels(),
            venue.spec().bookDepth())));
      }
    }
    return Future.all(opened).mapEmpty();
  }

  /** A venue with a symbol directory must have sessions that can change their symbols while connected. */
  private RetargetableSession retargetable(VenueLane lane) {
    if (lane.session() instanceof RetargetableSession session) {
      return session;
    }
    throw new IllegalStateException(venue.name() + " takes its symbols from a directory, but its session cannot"
        + " change them while connected");
  }

  private Future<Void> openLane(int index, SessionSpec spec) {
    VenueLane lane = new VenueLane(index, venue.url(), stats, this);
    lane.speak(VenueSessions.create(venue, spec, index, stats, lane));
    lanes.add(lane);
    return openRecorder(index).onSuccess(recorder -> {
      if (!stopping) {
        lane.start(vertx, settings.feed(), recorder);
      }
    }).mapEmpty();
  }

  private Future<CaptureWriter> openRecorder(int lane) {
    if (settings.recordDir() == null) {
      return Future.succeededFuture();
    }
    String name = venue.name() + "-" + startedAt + (lane == 0 ? "" : "-" + lane) + ".capture";
    Path file = Path.of(settings.recordDir()).resolve(name);
    return CaptureWriter.open(vertx, file, venue.name(), venue.protocol(), venue.url().toString())
        .onSuccess(w -> LOG.log(System.Logger.Level.INFO, "recording {0} frames to {1}", venue.name(), file));
  }

  private void scheduleRefresh(long delayMs) {
    vertx.cancelTimer(refreshTimer);
    refreshTimer = vertx.setTimer(delayMs, id -> refresh());
  }

  /** Asks the directory again; a failure keeps the current subscriptions and asks again sooner. */
  private void refresh() {
    directory.symbols().compose(symbols -> stopping ? Future.succeededFuture() : subscribe(symbols))
        .onComplete(this::refreshed);
  }

  private void refreshed(AsyncResult<Void> done) {
    if (stopping) {
      return;
    }
    if (done.succeeded()) {
      failedRefreshes = 0;
      scheduleRefresh(directory.refreshMs());
    } else {
      LOG.log(System.Logger.Level.WARNING, "{0}: instrument refresh failed: {1}", venue.name(),
          done.cause().getMessage());
      scheduleRefresh(retryDelayMs(++failedRefreshes));
    }
  }

  private long retryDelayMs(int attempt) {
    return Backoff.delayMs(attempt, settings.feed().backoffFirstMs(), directory.refreshMs());
  }

  // --- what the sessions produce (VenueLane.Host) ---

  @Override
  public boolean accept(MarketEvent event) {
    return buffer.add(event);
  }

  @Override
  public void marker(String symbol, String reason, long receivedMicros) {
    buffer.addMarker(new FeedGap(venue.name(), symbol, reason, receivedMicros, receivedMicros, 0));
  }

  @Override
  public void drift(String symbol, String detail, String frame) {
    drift.report(venue.name(), symbol, detail, frame);
  }

  @Override
  public void snapshotWanted(String symbol, VenueLane lane) {
    if (snapshots == null) {
      stats.addParseError(venue.name() + " asked for a REST snapshot of " + symbol + " but has no REST source");
      return;
    }
    snapshotAskers.put(symbol, lane);
    snapshots.request(symbol);
  }

  @Override
  public void backfillWanted(TradeHole hole) {
    if (hole.missing() == 0) {
      backfilled(hole, List.of(), null); // consecutive ids: the hole cost no trade, nothing to fetch
    } else if (backfill != null) {
      backfill.request(hole);
    }
  }

  /**
   * The trades fetched for a hole enter the stream like live ones (the router drops any it already has), then a
   * marker tells the ledger what became of the hole.
   */
  private void backfilled(TradeHole hole, List<Trade> trades, String unrecoverableWhy) {
    if (stopping) {
      return;
    }
    trades.forEach(buffer::add);
    String outcome = unrecoverableWhy == null ? HoleOutcome.backfilled(trades.size(), hole.reason())
        : HoleOutcome.unrecoverable(unrecoverableWhy, hole.reason());
    long now = Clock.nowMicros();
    buffer.addMarker(new FeedGap(venue.name(), hole.symbol(), outcome, now, now, 0));
    changed();
  }

  /** Trades refused from the venue's REST history, by reason; empty without backfill. */
  public Map<String, Long> backfillRejected() {
    return backfill == null ? Map.of() : backfill.rejected();
  }

  /** Where a fetched snapshot comes back: to the connection whose session asked for it. */
  void snapshot(String symbol, String requestUrl, String body, long receivedMicros) {
    VenueLane lane = snapshotAskers.remove(symbol);
    if (lane == null) {
      return; // asked for by a connection since closed
    }
    lane.snapshot(symbol, requestUrl, body, receivedMicros);
  }

  @Override
  public void changed() {
    scheduleFlush();
  }

  // --- handing events to the router ---

  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flush());
    }
  }

  /**
   * Sends one batch and, once the ingress link admits it (at once while its credit window is open, later when the
   * router is behind), the next: at most one batch waits for admission, the rest stay in the bounded buffer.
   */
  private void flush() {
    flushScheduled = false;
    if (awaitingAdmission || buffer.isEmpty()) {
      return;
    }
    awaitingAdmission = true;
    List<MarketEvent> batch = buffer.take(settings.batchSize());
    ingress.send(new TickBatch(TickBatch.UNPARTITIONED, batch)).onComplete(admitted -> {
      awaitingAdmission = false;
      if (admitted.failed()) {
        LOG.log(System.Logger.Level.ERROR, "{0}: the router did not admit {1} events: {2}", venue.name(),
            batch.size(), admitted.cause().getMessage());
      }
      scheduleFlush();
    });
  }

  // --- health ---

  private ComponentHealth healthNow() {
    FeedState state = worstState();
    figures = ConnectorFigures.of(state, lastError(), stats, sum(VenueLane::reconnects), buffer.dropped(),
        buffer.size(), oldestFrameAgeMs(), sum(VenueLane::recordedLines), lanes.size(), refusedSymbols);
    String detail = state.wire() + " " + venue.url() + (lanes.size() > 1 ? " (" + lanes.size() + " connections)"
        : "") + (stats.lastError().isEmpty() ? "" : "; last error: " + stats.lastError());
    return new ComponentHealth("connector." + venue.name(), figures.status(), detail, figures.gauges());
  }

  /** A connector is as well as its worst connection: one given up is down, one redialling is degraded. */
  private FeedState worstState() {
    FeedState worst = lanes.isEmpty() ? FeedState.CONNECTING : lanes.get(0).state();
    for (VenueLane lane : lanes) {
      if (badness(lane.state()) > badness(worst)) {
        worst = lane.state();
      }
    }
    return worst;
  }

  private static int badness(FeedState state) {
    return switch (state) {
      case OPEN, STOPPED -> 0;
      case CONNECTING -> 1;
      case BACKING_OFF -> 2;
      case FAILED -> 3;
    };
  }

  private String lastError() {
    Set<String> errors = new LinkedHashSet<>();
    lanes.forEach(lane -> {
      if (!lane.lastError().isEmpty()) {
        errors.add(lane.lastError());
      }
    });
    return String.join("; ", errors);
  }

  private long oldestFrameAgeMs() {
    return lanes.stream().mapToLong(VenueLane::lastFrameAgeMs).max().orElse(-1);
  }

  private long sum(ToLongFunction<VenueLane> figure) {
    return lanes.stream().mapToLong(figure).sum();
  }

  /** The latest figures (updated every second on the connector's event loop). */
  public ConnectorFigures figures() {
    return figures;
  }

  /** The first connection's session. */
  public VenueSession session() {
    return lanes.isEmpty() ? null : lanes.get(0).session();
  }

  /** Every connection's session, by connection index. */
  public List<VenueSession> sessions() {
    return lanes.stream().map(VenueLane::session).toList();
  }
}
