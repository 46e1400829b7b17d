package io.tickwire.connector.ws;

import io.tickwire.config.FeedPolicy;
import io.tickwire.flow.Backoff;
import io.tickwire.flow.Clock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One venue connection, kept alive: connect (TLS for wss), let the listener subscribe, hand it every text frame,
 * watch for silence, and on any loss redial with backoff and jitter within a restart budget, telling the listener
 * of the gap. Written once for every exchange connector; the venue's protocol lives in its {@link FeedListener}.
 *
 * <p>Confined to the event loop of the verticle that created it.
 */
public final class WebSocketFeed {
  private static final System.Logger LOG = System.getLogger(WebSocketFeed.class.getName());
  private static final int MAX_FRAME_BYTES = 16 << 20;

  private final Vertx vertx;
  private final URI uri;
  private final FeedPolicy policy;
  private final FeedListener listener;
  private final boolean tls;
  private final WebSocketClient client;
  private final Deque<Long> restarts = new ArrayDeque<>();
  private FeedState state = FeedState.STOPPED;
  private WebSocket socket;
  private long lastFrameMillis;
  private long staleTimer = -1;
  private long retryTimer = -1;
  private int attempt;
  private long reconnects;
  private long frames;
  private String lastError = "";

  public WebSocketFeed(Vertx vertx, URI uri, FeedPolicy policy, FeedListener listener) {
    this.vertx = vertx;
    this.uri = uri;
    this.policy = policy;
    this.listener = listener;
    this.tls = "wss".equalsIgnoreCase(uri.getScheme());
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(tls).setVerifyHost(tls)
        .setMaxFrameSize(MAX_FRAME_BYTES).setMaxMessageSize(MAX_FRAME_BYTES));
  }

  /** Starts dialling; the connection, and any redial, follows on the event loop. */
  public void start() {
    state = FeedState.CONNECTING;
    staleTimer = vertx.setPeriodic(Math.max(10, policy.staleAfterMs() / 4), id -> checkStale());
    connect();
  }

  /** Closes for good: no redial. */
  public Future<Void> stop() {
    state = FeedState.STOPPED;
    vertx.cancelTimer(staleTimer);
    vertx.cancelTimer(retryTimer);
    Future<Void> closed = socket == null ? Future.succeededFuture() : socket.close();
    return closed.transform(v -> client.close());
  }

  /** Stops reading the socket while downstream is full; the exchange's data waits in TCP buffers. */
  public void pause() {
    if (socket != null) {
      socket.pause();
    }
  }

  public void resume() {
    if (socket != null) {
      socket.resume();
    }
  }

  private void connect() {
    state = FeedState.CONNECTING;
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    client.connect(new WebSocketConnectOptions().setHost(uri.getHost()).setPort(port).setURI(path)
        .setSsl(tls))
        .onComplete(this::opened, failure -> lost("cannot connect to " + uri + ": " + failure.getMessage()));
  }

  private void opened(WebSocket ws) {
    if (state == FeedState.STOPPED) {
      ws.close();
      return;
    }
    socket = ws;
    state = FeedState.OPEN;
    attempt = 0;
    lastFrameMillis = System.currentTimeMillis();
    ws.textMessageHandler(this::frame);
    ws.exceptionHandler(e -> lastError = e.toString());
    ws.closeHandler(v -> {
      if (socket == ws) {
        lost("connection to " + uri + " closed" + (ws.closeReason() == null ? "" : ": " + ws.closeReason()));
      }
    });
    listener.opened(ws);
  }

  private void frame(String text) {
    frames++;
    lastFrameMillis = System.currentTimeMillis();
    listener.frame(text, Clock.nowMicros());
  }

  private void checkStale() {
    if (state == FeedState.OPEN && System.currentTimeMillis() - lastFrameMillis >= policy.staleAfterMs()) {
      WebSocket stale = socket;
      lost("no frame from " + uri + " for " + policy.staleAfterMs() + " ms");
      stale.close();
    }
  }

  /** The connection is gone (or never came): tell the listener, then redial unless the budget is spent. */
  private void lost(String why) {
    if (state == FeedState.STOPPED || state == FeedState.FAILED) {
      return;
    }
    socket = null;
    lastError = why;
    listener.gap(why);
    long now = System.currentTimeMillis();
    restarts.addLast(now);
    while (!restarts.isEmpty() && restarts.peekFirst() <= now - policy.restartWindowMs()) {
      restarts.removeFirst();
    }
    if (restarts.size() > policy.maxRestarts()) {
      state = FeedState.FAILED;
      LOG.log(System.Logger.Level.ERROR, "{0}: giving up after {1} restarts within {2} ms: {3}", uri,
          restarts.size(), policy.restartWindowMs(), why);
      return;
    }
    state = FeedState.BACKING_OFF;
    long delay = backoff(++attempt);
    LOG.log(System.Logger.Level.WARNING, "{0}: {1}; reconnecting in {2} ms", uri, why, delay);
    retryTimer = vertx.setTimer(delay, id -> {
      reconnects++;
      connect();
    });
  }

  private long backoff(int attempt) {
    long base = Backoff.delayMs(attempt, policy.backoffFirstMs(), policy.backoffMaxMs());
    return base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
  }

  public FeedState state() {
    return state;
  }

  public long reconnects() {
    return reconnects;
  }

  public long frames() {
    return frames;
  }

  /** Milliseconds since the last frame, or -1 before the first connection. */
  public long lastFrameAgeMs() {
    return lastFrameMillis == 0 ? -1 : System.currentTimeMillis() - lastFrameMillis;
  }

  public String lastError() {
    return lastError;
  }
}
