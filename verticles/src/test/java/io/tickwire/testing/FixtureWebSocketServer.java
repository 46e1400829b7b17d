package io.tickwire.testing;

import io.tickwire.connector.capture.CryptofeedCapture;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback websocket "exchange" serving recorded frames: on each connection it waits for the client's first
 * frame (its subscription), then sends the capture's received frames in order, one websocket frame each, carrying
 * on where the previous connection stopped. It can drop a connection after a number of frames and refuse new ones
 * for a while, as real exchanges do.
 */
public final class FixtureWebSocketServer {
  private final Vertx vertx;
  private final List<String> frames;
  private final HttpServer server;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicLong refuseUntil = new AtomicLong();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<Long> connectTimes = new CopyOnWriteArrayList<>();
  private volatile int dropAfter = Integer.MAX_VALUE;
  private volatile long refuseAfterDropMs;
  private volatile boolean dropOnce;

  private FixtureWebSocketServer(Vertx vertx, List<String> frames) {
    this.vertx = vertx;
    this.frames = frames;
    this.server = Await.result(vertx.createHttpServer().webSocketHandshakeHandler(handshake -> {
      if (System.currentTimeMillis() < refuseUntil.get()) {
        refused.incrementAndGet();
        handshake.reject(503);
      } else {
        handshake.accept();
      }
    }).webSocketHandler(this::serve).listen(0, "127.0.0.1"));
  }

  /** Serves the received frames of a cryptofeed (or tickwire) capture. */
  public static FixtureWebSocketServer of(Vertx vertx, Path capture) {
    return of(vertx, CryptofeedCapture.readAll(capture).stream()
        .filter(r -> r.direction() == CryptofeedCapture.Direction.RECEIVED)
        .map(CryptofeedCapture.Record::payload).toList());
  }

  public static FixtureWebSocketServer of(Vertx vertx, List<String> frames) {
    return new FixtureWebSocketServer(vertx, List.copyOf(frames));
  }

  private void serve(ServerWebSocket ws) {
    connections.incrementAndGet();
    connectTimes.add(System.currentTimeMillis());
    int limit = dropAfter;
    if (dropOnce) {
      dropAfter = Integer.MAX_VALUE;
    }
    AtomicBoolean streaming = new AtomicBoolean();
    ws.textMessageHandler(text -> {
      received.add(text);
      if (streaming.compareAndSet(false, true)) {
        send(ws, limit);
      }
    });
  }

  private void send(ServerWebSocket ws, int limit) {
    int sent = 0;
    while (next.get() < frames.size() && sent < limit) {
      if (ws.writeQueueFull()) {
        int remaining = limit - sent;
        ws.drainHandler(v -> send(ws, remaining));
        return;
      }
      ws.writeTextMessage(frames.get(next.getAndIncrement()));
      sent++;
    }
    if (sent >= limit) {
      if (refuseAfterDropMs > 0) {
        refuseFor(refuseAfterDropMs);
      }
      ws.close((short) 1011, "fixture server: dropping the connection");
    }
  }

  /** The next connection closes after sending {@code frames} frames (and so does each after it). */
  public FixtureWebSocketServer dropAfter(int frames) {
    this.dropAfter = frames;
    return this;
  }

  /** The next connection closes after sending {@code frames} frames; the ones after it serve to the end. */
  public FixtureWebSocketServer dropOnceAfter(int frames) {
    this.dropAfter = frames;
    this.dropOnce = true;
    return this;
  }

  /** After each dropped connection, refuses handshakes for {@code millis}. */
  public FixtureWebSocketServer refuseAfterDrop(long millis) {
    this.refuseAfterDropMs = millis;
    return this;
  }

  /** Refuses handshakes (HTTP 503) for the next {@code millis}. */
  public void refuseFor(long millis) {
    refuseUntil.set(System.currentTimeMillis() + millis);
  }

  public URI uri() {
    return URI.create("ws://127.0.0.1:" + server.actualPort() + "/ws");
  }

  /** Frames sent so far (over all connections). */
  public int sent() {
    return next.get();
  }

  public boolean finished() {
    return next.get() >= frames.size();
  }

  public int connections() {
    return connections.get();
  }

  public int refused() {
    return refused.get();
  }

  /** What clients sent (subscriptions), in order. */
  public List<String> received() {
    return received;
  }

  public List<Long> connectTimes() {
    return connectTimes;
  }

  public void close() {
    Await.result(server.close());
  }
}
