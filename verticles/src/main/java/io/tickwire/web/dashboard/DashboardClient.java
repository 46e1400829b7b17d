package io.tickwire.web.dashboard;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * One connected dashboard: its subscription, its bounded outbound queue, and the write loop that empties the queue
 * only while the socket can take more. A client that reads slowly, or not at all, fills its own queue and loses its
 * own messages (counted); nothing upstream waits for it. Confined to the web event loop.
 */
final class DashboardClient {
  private static final short MESSAGE_TOO_BIG = 1009;

  private final ServerWebSocket socket;
  private final RequestParser parser;
  private final DropCounts drops = new DropCounts();
  private final OutboundQueue queue;
  private Subscription subscription = Subscription.NONE;
  private boolean waitingForDrain;

  DashboardClient(ServerWebSocket socket, RequestParser parser, int queueCapacity, DropCounts nodeDrops) {
    this.socket = socket;
    this.parser = parser;
    this.queue = new OutboundQueue(queueCapacity, drops, nodeDrops);
  }

  /** Starts reading the client's requests; {@code closed} runs once the socket is gone. */
  void start(Runnable closed) {
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(this::onBinary);
    socket.drainHandler(v -> drained());
    socket.exceptionHandler(this::onFailure);
    socket.closeHandler(v -> closed.run());
  }

  /** Queues {@code push} if the client subscribed to it. */
  void offer(Push push) {
    if (subscription.wants(push)) {
      queue.offer(push);
      writeWhileWritable();
    }
  }

  boolean wants(DashboardStream stream, String symbol, long intervalMillis) {
    return subscription.wants(stream, symbol, intervalMillis);
  }

  /** Queues this client's health message, which carries its own drop counts. */
  void offerHealth(String healthJson, long eventsPerSec) {
    offer(Push.general(DashboardStream.HEALTH, Frames.health(healthJson, eventsPerSec, drops)));
  }

  long dropped() {
    return drops.total();
  }

  int queued() {
    return queue.size();
  }

  /**
   * Netty reports a frame over the limit (and other protocol violations) with the close status to send; Vert.x
   * reports a message over the limit, assembled from smaller frames, as an IllegalStateException. Either way the
   * client gets a close frame saying why; anything else means the connection is already gone.
   */
  private void onFailure(Throwable failure) {
    if (failure instanceof CorruptedWebSocketFrameException corrupted) {
      socket.close((short) corrupted.closeStatus().code(), corrupted.closeStatus().reasonText());
    } else if (failure instanceof IllegalStateException) {
      socket.close(MESSAGE_TOO_BIG, "message too big");
    } else {
      socket.close();
    }
  }

  private void onText(String text) {
    try {
      handle(parser.parse(text));
    } catch (BadRequestException e) {
      reply(Frames.badRequest(e.getMessage()));
    }
  }

  private void onBinary(Buffer ignored) {
    reply(Frames.badRequest("binary frames are not part of the protocol; send JSON text frames"));
  }

  private void handle(ClientRequest request) {
    if (request instanceof ClientRequest.Subscribe subscribe) {
      subscription = subscribe.subscription();
      queue.retain(subscription::wants);
      reply(Frames.subscribed(subscription));
    } else {
      reply(Frames.pong());
    }
  }

  /** Replies queue like everything else: a client that sends requests but never reads cannot grow memory. */
  private void reply(String text) {
    offer(Push.general(DashboardStream.CONTROL, text));
  }

  private void writeWhileWritable() {
    if (waitingForDrain) {
      return;
    }
    while (!queue.isEmpty()) {
      if (socket.writeQueueFull()) {
        waitingForDrain = true; // the drain handler resumes
        return;
      }
      socket.writeTextMessage(queue.poll().text());
    }
  }

  private void drained() {
    waitingForDrain = false;
    writeWhileWritable();
  }
}
