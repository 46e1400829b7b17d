package io.tickwire.connector;

import java.util.HashMap;
import java.util.Map;

/**
 * Who may open a connection to the TCP ingest, across all of its listeners: at most {@code max_connections} in
 * all and {@code max_connections_per_address} from one address, and none once the ingest is stopping. Listeners
 * on several event loops share one, so its few methods are synchronized (they run per connection, not per frame).
 */
final class TcpAdmission {
  /** Why a connection was refused, or that it was admitted. */
  enum Verdict { ADMITTED, STOPPING, FULL, ADDRESS_FULL }

  private final int maxConnections;
  private final int maxPerAddress;
  private final Map<String, Integer> openPerAddress = new HashMap<>();
  private int open;
  private boolean stopping;

  TcpAdmission(int maxConnections, int maxPerAddress) {
    this.maxConnections = maxConnections;
    this.maxPerAddress = maxPerAddress;
  }

  /** Admits a connection from {@code address}, counting it until {@link #closed}, or says why not. */
  synchronized Verdict admit(String address) {
    if (stopping) {
      return Verdict.STOPPING;
    }
    if (open >= maxConnections) {
      return Verdict.FULL;
    }
    if (openPerAddress.getOrDefault(address, 0) >= maxPerAddress) {
      return Verdict.ADDRESS_FULL;
    }
    open++;
    openPerAddress.merge(address, 1, Integer::sum);
    return Verdict.ADMITTED;
  }

  /** An admitted connection from {@code address} has closed. */
  synchronized void closed(String address) {
    open--;
    openPerAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
  }

  synchronized int open() {
    return open;
  }

  /** From now on every connection is refused. */
  synchronized void stop() {
    stopping = true;
  }

  synchronized boolean stopping() {
    return stopping;
  }
}
