package io.tickwire.connector;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.V1FormatException;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.TcpIngestSettings;
import io.tickwire.flow.Clock;
import io.tickwire.flow.Outlet;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One producer's connection: frames in, batches of events out. Everything a read produced is handed to the
 * ingress at the end of that read (or sooner, in batch-size pieces), so a slow producer's events are not held
 * back waiting for a full batch. While the ingress has not admitted a batch the socket is paused: unread bytes
 * stay in the kernel, the TCP window closes, and the producer's writes stall instead of our memory growing.
 * With producer tokens configured the first frame is the handshake (see {@link ProducerAuth}), and each event's
 * venue must be one the token grants.
 */
final class TcpConnection {
  private static final System.Logger LOG = System.getLogger(TcpConnection.class.getName());
  private static final byte[] NO_BYTES = new byte[0];

  private final NetSocket socket;
  private final FrameDecoder decoder;
  private final Outlet<TickBatch> ingress;
  private final TcpIngestStats stats;
  private final TcpDeadLetters deadLetters;
  private final SchemaDrift drift;
  private final int batchSize;
  private final String remote;
  private final ProducerAuth auth;
  private final IdleWatch idle;
  private List<MarketEvent> gathered = new ArrayList<>();
  private long receivedMicros;
  private int unadmitted;
  /** The venues this connection may send; null until its handshake. */
  private Predicate<String> venues;
  /** Set once we decided to close: bytes Vert.x buffered after that are not read (the framing or trust is gone). */
  private boolean refused;

  TcpConnection(Vertx vertx, NetSocket socket, TcpIngestSettings settings, ProducerAuth auth,
      Outlet<TickBatch> ingress, TcpIngestStats stats, TcpDeadLetters deadLetters, SchemaDrift drift) {
    this.drift = drift;
    this.socket = socket;
    this.decoder = new FrameDecoder(settings.maxFrameBytes());
    this.batchSize = settings.batchSize();
    this.ingress = ingress;
    this.stats = stats;
    this.deadLetters = deadLetters;
    this.remote = String.valueOf(socket.remoteAddress());
    this.auth = auth;
    this.venues = auth.required() ? null : auth.open();
    this.idle = new IdleWatch(vertx, settings.idleTimeoutMs(), () -> unadmitted > 0, this::closeIdle);
  }

  /** Starts reading; {@code onClosed} runs once the socket has closed, whoever closed it. */
  void start(Handler<TcpConnection> onClosed) {
    socket.handler(this::read);
    socket.exceptionHandler(e -> LOG.log(System.Logger.Level.DEBUG, "tcp ingest {0}: {1}", remote, e.toString()));
    // the end comes after every byte Vert.x had queued while we were paused; the close may come before them
    socket.endHandler(v -> countTruncatedFrame());
    socket.closeHandler(v -> {
      idle.stop();
      onClosed.handle(this);
    });
    idle.start();
  }

  /** Hands over what was gathered and closes the socket. */
  Future<Void> close() {
    flush();
    return socket.close();
  }

  private void read(Buffer chunk) {
    if (refused) {
      return;
    }
    idle.touch();
    receivedMicros = Clock.nowMicros();
    try {
      decoder.feed(chunk, this::frame);
    } catch (FrameDecoder.FrameLengthException e) {
      refuseLength(e);
    }
    flush();
  }

  private void frame(byte[] bytes, int offset, int length) {
    if (refused) {
      return; // later frames of the chunk that held the refused one
    }
    stats.frameRead();
    if (venues == null) {
      handshake(bytes, offset, length);
      return;
    }
    V1Json.Parsed parsed;
    try {
      parsed = V1Json.parseEvent(bytes, offset, length);
    } catch (V1FormatException e) {
      if (e.schemaDrift()) {
        drifted(e.venue(), e.symbol(), e.getMessage(), bytes, offset, length);
      } else {
        reject(RejectReason.of(e), e.getMessage(), bytes, offset, length);
      }
      return;
    } catch (RuntimeException e) { // anything the codec did not anticipate is still just a bad frame
      reject(RejectReason.of(e), e.getMessage(), bytes, offset, length);
      return;
    }
    MarketEvent event = (MarketEvent) parsed.record();
    if (!venues.test(event.venue())) {
      reject(RejectReason.VENUE_NOT_ALLOWED, "venue " + event.venue() + " is not granted to this connection's token",
          bytes, offset, length);
      return;
    }
    if (!parsed.unknownKeys().isEmpty()) {
      drifted(event.venue(), event.symbol(), "unknown keys " + parsed.unknownKeys(), bytes, offset, length);
      return;
    }
    gathered.add(IngestTimes.stamped(event, receivedMicros));
    if (gathered.size() >= batchSize) {
      flush();
    }
  }

  /** The frame must be a handshake with a configured token; anything else closes the connection. */
  private void handshake(byte[] bytes, int offset, int length) {
    venues = auth.handshake(bytes, offset, length);
    if (venues == null) {
      refused = true;
      // the frame itself is not sampled: it may hold a mistyped token
      reject(RejectReason.UNAUTHORIZED, "the first frame is not a handshake with a configured token", NO_BYTES, 0, 0);
      auth.refused(remote);
      socket.close();
    }
  }

  private void closeIdle() {
    stats.idleClosed();
    flush();
    socket.close();
  }

  /**
   * Schema drift: rejected like any bad frame, and reported as an anomaly of its source; unless the source is a venue
   * the token does not grant, whose anomalies this producer may not raise either.
   */
  private void drifted(String venue, String symbol, String detail, byte[] bytes, int offset, int length) {
    if (!venues.test(venue)) {
      reject(RejectReason.VENUE_NOT_ALLOWED, "venue " + venue + " is not granted to this connection's token", bytes,
          offset, length);
      return;
    }
    reject(RejectReason.SCHEMA_DRIFT, detail, bytes, offset, length);
    drift.report(venue, symbol, detail, bytes, offset, length);
  }

  private void reject(String reason, String detail, byte[] bytes, int offset, int length) {
    stats.rejected(reason);
    deadLetters.offer(reason, detail, remote, bytes, offset, length);
  }

  private void flush() {
    if (gathered.isEmpty()) {
      return;
    }
    List<MarketEvent> events = gathered;
    gathered = new ArrayList<>();
    stats.eventsAccepted(events.size());
    Future<Void> admitted = ingress.send(new TickBatch(TickBatch.UNPARTITIONED, events));
    if (admitted.isComplete()) {
      checkAdmitted(admitted, events.size());
      return;
    }
    holdReading();
    admitted.onComplete(result -> {
      checkAdmitted(result, events.size());
      releaseReading();
    });
  }

  private void holdReading() {
    if (unadmitted++ == 0) {
      socket.pause();
    }
  }

  /** Resumes even after the peer closed: bytes it sent before closing are still queued for us. */
  private void releaseReading() {
    if (--unadmitted == 0) {
      socket.resume();
    }
  }

  /** The ingress refuses only when a producer ignored its futures, a bug: close so the loss is visible. */
  private void checkAdmitted(AsyncResult<Void> result, int events) {
    if (result.failed()) {
      stats.eventsLost(events);
      LOG.log(System.Logger.Level.ERROR, "tcp ingest {0}: ingress refused {1} events, closing: {2}", remote, events,
          result.cause().toString());
      socket.close();
    }
  }

  private void refuseLength(FrameDecoder.FrameLengthException e) {
    refused = true;
    String reason = e.tooLarge() ? RejectReason.FRAME_TOO_LARGE : RejectReason.BAD_LENGTH;
    stats.rejected(reason);
    stats.closedForLength();
    LOG.log(System.Logger.Level.WARNING, "tcp ingest: closing connection from {0}: {1}", remote, e.getMessage());
    deadLetters.offer(reason, e.getMessage(), remote, NO_BYTES, 0, 0);
    socket.close();
  }

  private void countTruncatedFrame() {
    if (decoder.midFrame() && !refused) {
      reject(RejectReason.TRUNCATED, "connection closed inside a frame", NO_BYTES, 0, 0);
    }
  }
}
