package io.tickwire.connector.venue;

import io.vertx.core.Future;

/** Fetches REST book snapshots for a session that asks for them (Binance). */
public interface SnapshotFetcher {
  /** Where a fetched snapshot goes, on the connector's event loop. */
  interface Answers {
    void snapshot(String symbol, String requestUrl, String body, long receivedMicros);
  }

  /** Queues a snapshot request for {@code symbol}; a request already queued for it is not repeated. */
  void request(String symbol);

  Future<Void> close();
}
