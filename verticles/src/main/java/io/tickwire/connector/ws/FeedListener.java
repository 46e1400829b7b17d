package io.tickwire.connector.ws;

import io.vertx.core.http.WebSocket;

/** What a venue connector does with its connection; every call comes on the feed's event loop. */
public interface FeedListener {
  /** The socket is open: send the subscriptions. */
  void opened(WebSocket socket);

  /** One text frame, received at {@code receivedMicros} (wall clock). */
  void frame(String text, long receivedMicros);

  /**
   * The stream had a hole: the connection dropped and was re-established (or gave up). What was sent meanwhile is
   * lost, so books must resync and downstream should be told with a gap marker.
   */
  void gap(String reason);
}
