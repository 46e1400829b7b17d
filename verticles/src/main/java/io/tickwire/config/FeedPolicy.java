package io.tickwire.config;

/**
 * How a WebSocket feed ({@code connector.ws.WebSocketFeed}) keeps its connection: a connection silent for
 * {@code staleAfterMs} is dropped and redialled; redials wait a capped exponential backoff ({@code backoffFirstMs}
 * doubling up to {@code backoffMaxMs}) with up to half of it again as random jitter, so a fleet of clients does not
 * reconnect in step; more than {@code maxRestarts} restarts within {@code restartWindowMs} means the venue is down, not
 * flaky, and the feed gives up (FAILED) rather than hammer it.
 */
public record FeedPolicy(long staleAfterMs, long backoffFirstMs, long backoffMaxMs, int maxRestarts,
    long restartWindowMs) {
  public FeedPolicy {
    if (staleAfterMs <= 0 || backoffFirstMs <= 0 || backoffMaxMs < backoffFirstMs || maxRestarts < 0
        || restartWindowMs <= 0) {
      throw new IllegalArgumentException("invalid feed policy " + this);
    }
  }
}
