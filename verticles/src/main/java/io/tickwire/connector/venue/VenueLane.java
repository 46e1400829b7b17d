package io.tickwire.connector.venue;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.config.FeedPolicy;
import io.tickwire.connector.capture.CaptureWriter;
import io.tickwire.connector.ws.FeedListener;
import io.tickwire.connector.ws.FeedState;
import io.tickwire.connector.ws.WebSocketFeed;
import io.tickwire.flow.Clock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.net.URI;

/**
 * One connection of a venue connector: its {@link WebSocketFeed}, the {@link VenueSession} that speaks the venue's
 * protocol on it, and its capture file when recording. What the session puts out goes to the connector's
 * {@link Host}, shared by all its connections; what the session sends goes on this connection only, so a book
 * resynced by resubscribing is resubscribed where it was subscribed. Confined to the connector's event loop.
 */
final class VenueLane implements FeedListener, SessionOutput {
  /** The connector's side: the buffer to the router, drift reports, REST snapshots. */
  interface Host {
    /** False when the buffer is full and the policy is to reconnect. */
    boolean accept(MarketEvent event);

    void marker(String symbol, String reason, long receivedMicros);

    void drift(String symbol, String detail, String frame);

    void snapshotWanted(String symbol, VenueLane lane);

    /** Trades between two ids are missing from {@code symbol}'s stream. */
    void backfillWanted(TradeHole hole);

    /** Something was buffered: hand it to the router soon. */
    void changed();
  }

  private static final System.Logger LOG = System.getLogger(VenueLane.class.getName());

  private final int index;
  private final URI url;
  private final Host host;
  private final SessionStats stats;
  private VenueSession session;
  private WebSocketFeed feed;
  private WebSocket socket;
  private CaptureWriter recorder;
  private boolean closingForOverflow;

  VenueLane(int index, URI url, SessionStats stats, Host host) {
    this.index = index;
    this.url = url;
    this.stats = stats;
    this.host = host;
  }

  /** The session that speaks on this connection; set before {@link #start}, as it is made with this lane. */
  void speak(VenueSession session) {
    this.session = session;
  }

  /** Dials, with {@code recorder} (may be null) recording the connection. */
  void start(Vertx vertx, FeedPolicy policy, CaptureWriter recorder) {
    this.recorder = recorder;
    feed = new WebSocketFeed(vertx, url, policy, this);
    feed.start();
  }

  Future<Void> stop() {
    return feed == null ? Future.succeededFuture() : feed.stop();
  }

  Future<Void> closeRecorder() {
    return recorder == null ? Future.succeededFuture() : recorder.close();
  }

  // --- the connection (FeedListener) ---

  @Override
  public void opened(WebSocket ws) {
    socket = ws;
    closingForOverflow = false;
    if (recorder != null) {
      recorder.opened(url.toString(), Clock.nowMicros());
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
    host.changed();
  }

  /** Only a connection that was open leaves a hole; a failed redial has nothing more to lose. */
  @Override
  public void gap(String reason) {
    boolean wasOpen = socket != null;
    socket = null;
    if (wasOpen) {
      session.onDisconnect(reason, Clock.nowMicros());
      host.changed();
    }
  }

  // --- what the session produces (SessionOutput) ---

  @Override
  public void event(MarketEvent event) {
    if (!host.accept(event) && !closingForOverflow && socket != null) {
      closingForOverflow = true;
      LOG.log(System.Logger.Level.WARNING, "{0} connection {1}: inbound buffer full; reconnecting to resync",
          session.venue(), index);
      socket.close((short) 1000, "tickwire: inbound buffer full");
    }
  }

  @Override
  public void gap(String symbol, String reason, long receivedMicros) {
    host.marker(symbol, reason, receivedMicros);
  }

  @Override
  public void backfill(String symbol, long afterId, long afterMicros, long beforeId, String reason) {
    host.backfillWanted(new TradeHole(symbol, afterId, beforeId, reason, afterMicros));
  }

  @Override
  public void send(String frame) {
    if (socket == null) {
      return; // the next connection subscribes afresh
    }
    if (recorder != null) {
      recorder.sent(url.toString(), frame, Clock.nowMicros());
    }
    socket.writeTextMessage(frame);
  }

  @Override
  public void requestSnapshot(String symbol) {
    host.snapshotWanted(symbol, this);
  }

  @Override
  public void schemaDrift(String symbol, String detail, String frame) {
    host.drift(symbol, detail, frame);
  }

  /** A REST snapshot this lane's session asked for: recorded with the lane's frames, then handed over. */
  void snapshot(String symbol, String requestUrl, String body, long receivedMicros) {
    if (recorder != null) {
      recorder.rest(requestUrl, body, receivedMicros);
    }
    session.onSnapshot(symbol, body, receivedMicros);
    host.changed();
  }

  // --- what the connector reads ---

  int index() {
    return index;
  }

  VenueSession session() {
    return session;
  }

  FeedState state() {
    return feed == null ? FeedState.CONNECTING : feed.state();
  }

  String lastError() {
    return feed == null ? "" : feed.lastError();
  }

  long reconnects() {
    return feed == null ? 0 : feed.reconnects();
  }

  long lastFrameAgeMs() {
    return feed == null ? -1 : feed.lastFrameAgeMs();
  }

  long recordedLines() {
    return recorder == null ? 0 : recorder.lines();
  }
}
