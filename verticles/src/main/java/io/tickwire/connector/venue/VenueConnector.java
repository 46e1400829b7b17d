package io.tickwire.connector.venue;

import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.ConnectorSettings;
import io.tickwire.config.ConnectorSettings.Venue;
import io.tickwire.connector.SchemaDrift;
import io.tickwire.connector.Source;
import io.tickwire.connector.capture.CaptureWriter;
import io.tickwire.connector.ws.FeedListener;
import io.tickwire.connector.ws.FeedState;
import io.tickwire.connector.ws.WebSocketFeed;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Clock;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocket;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One exchange connector: a {@link WebSocketFeed} keeps the connection, the venue's {@link VenueSession} turns
 * frames into events, and an {@link InboundBuffer} hands them to the router in batches as fast as the ingress link
 * admits them. The socket is never paused: an exchange cannot be paused, only made to drop us, so a slow pipeline
 * fills the bounded buffer instead, and the configured overflow policy (drop oldest with gap markers, or reconnect
 * and resync) decides what is lost, visibly. Every hole (disconnect, resync, overflow) becomes a gap marker in the
 * stream. Raw frames are recorded to a capture file when {@code connectors.record_dir} is set.
 */
public final class VenueConnector extends VerticleBase implements Source, FeedListener, SessionOutput {
  private static final System.Logger LOG = System.getLogger(VenueConnector.class.getName());
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final ConnectorSettings settings;
  private final Venue venue;
  private final Topology topology;
  private final HealthRegistry health;
  private final int driftSamplesPerSec;
  private final Promise<Void> finished = Promise.promise();
  private SessionStats stats;
  private Outlet<TickBatch> ingress;
  private SchemaDrift drift;
  private InboundBuffer buffer;
  private VenueSession session;
  private SnapshotFetcher snapshots;
  private WebSocketFeed feed;
  private WebSocket socket;
  private CaptureWriter recorder;
  private long healthTimer = -1;
  private boolean flushScheduled;
  private boolean awaitingAdmission;
  private boolean closingForOverflow;
  private volatile ConnectorFigures figures = ConnectorFigures.INITIAL;

  public VenueConnector(ConnectorSettings settings, Venue venue, Topology topology, HealthRegistry health,
      int driftSamplesPerSec) {
    this.settings = settings;
    this.venue = venue;
    this.topology = topology;
    this.health = health;
    this.driftSamplesPerSec = driftSamplesPerSec;
  }

  @Override
  public Future<?> start() {
    ingress = new Outlet<>(vertx, Addresses.INGRESS, topology);
    drift = new SchemaDrift(new Outlet<AnomalyBatch>(vertx, Addresses.ANOMALIES, topology), driftSamplesPerSec);
    buffer = new InboundBuffer(venue.name(), settings.bufferEvents(), settings.overflow());
    session = VenueSessions.create(venue, this);
    stats = session.stats();
    snapshots = VenueSessions.snapshotFetcher(vertx, venue, this::snapshot);
    ConnectorMetrics.register(health.metrics(), venue.name(), () -> figures);
    return openRecorder().onSuccess(this::dial);
  }

  private Future<CaptureWriter> openRecorder() {
    if (settings.recordDir() == null) {
      return Future.succeededFuture();
    }
    Path file = Path.of(settings.recordDir()).resolve(venue.name() + "-" + FILE_TIME.format(
        java.time.Instant.now()) + ".capture");
    return CaptureWriter.open(vertx, file, venue.name(), venue.protocol(), venue.url().toString())
        .onSuccess(w -> LOG.log(System.Logger.Level.INFO, "recording {0} frames to {1}", venue.name(), file));
  }

  private void dial(CaptureWriter writer) {
    recorder = writer;
    feed = new WebSocketFeed(vertx, venue.url(), settings.feed(), this);
    feed.start();
    healthTimer = HealthReports.every(vertx, health, this::healthNow);
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(healthTimer);
    Future<Void> closed = feed == null ? Future.succeededFuture() : feed.stop();
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

  private Future<Void> closeResources() {
    Future<Void> rest = snapshots == null ? Future.succeededFuture() : snapshots.close();
    return recorder == null ? rest : rest.eventually(recorder::close);
  }

  @Override
  public Future<Void> finished() {
    return finished.future(); // a live feed never ends by itself
  }

  @Override
  public boolean bounded() {
    return false;
  }

  // --- the connection (FeedListener) ---

  @Override
  public void opened(WebSocket ws) {
    socket = ws;
    closingForOverflow = false;
    if (recorder != null) {
      recorder.opened(venue.url().toString(), Clock.nowMicros());
    }
    session.subscribeFrames().forEach(this::send);
  }

  @Override
  public void frame(String text, long receivedMicros) {
    if (recorder != null) {
      recorder.received(text, receivedMicros);
    }
    stats.addFrame();
    session.onFrame(text, receivedMicros);
    scheduleFlush();
  }

  /** Only a connection that was open leaves a hole; a failed redial has nothing more to lose. */
  @Override
  public void gap(String reason) {
    boolean wasOpen = socket != null;
    socket = null;
    if (wasOpen) {
      session.onDisconnect(reason, Clock.nowMicros());
      scheduleFlush();
    }
  }

  // --- what the session produces (SessionOutput) ---

  @Override
  public void event(MarketEvent event) {
    if (!buffer.add(event) && !closingForOverflow && socket != null) {
      closingForOverflow = true;
      LOG.log(System.Logger.Level.WARNING, "{0}: inbound buffer full ({1} events); reconnecting to resync",
          venue.name(), settings.bufferEvents());
      socket.close((short) 1000, "tickwire: inbound buffer full");
    }
  }

  @Override
  public void gap(String symbol, String reason, long receivedMicros) {
    buffer.addMarker(new FeedGap(venue.name(), symbol, reason, receivedMicros, receivedMicros, 0));
  }

  @Override
  public void send(String frame) {
    if (socket == null) {
      return; // the next connection subscribes afresh
    }
    if (recorder != null) {
      recorder.sent(venue.url().toString(), frame, Clock.nowMicros());
    }
    socket.writeTextMessage(frame);
  }

  @Override
  public void requestSnapshot(String symbol) {
    if (snapshots == null) {
      stats.addParseError(venue.name() + " asked for a REST snapshot of " + symbol + " but has no REST source");
      return;
    }
    snapshots.request(symbol);
  }

  /** Where a fetched snapshot comes back: recorded, then handed to the session. */
  void snapshot(String symbol, String requestUrl, String body, long receivedMicros) {
    if (recorder != null) {
      recorder.rest(requestUrl, body, receivedMicros);
    }
    session.onSnapshot(symbol, body, receivedMicros);
    scheduleFlush();
  }

  @Override
  public void schemaDrift(String symbol, String detail, String frame) {
    drift.report(venue.name(), symbol, detail, frame);
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
    FeedState state = feed == null ? FeedState.CONNECTING : feed.state();
    figures = ConnectorFigures.of(state, feed == null ? "" : feed.lastError(), stats,
        feed == null ? 0 : feed.reconnects(), buffer.dropped(), buffer.size(),
        feed == null ? -1 : feed.lastFrameAgeMs(), recorder == null ? 0 : recorder.lines(), 1);
    String detail = state.wire() + " " + venue.url() + (stats.lastError().isEmpty() ? "" : "; last error: "
        + stats.lastError());
    return new ComponentHealth("connector." + venue.name(), figures.status(), detail, figures.gauges());
  }

  /** The latest figures (updated every second on the connector's event loop). */
  public ConnectorFigures figures() {
    return figures;
  }

  public VenueSession session() {
    return session;
  }
}
