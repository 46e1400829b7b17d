package io.tickwire.bridge;

import io.tickwire.metrics.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bridge's counters: frames refused by reason (a bad token, an address not permitted, ...) and inbound
 * messages rejected by reason (the TCP ingest's reasons), each also in {@code tickwire_errors_total} with component
 * {@code bridge}. Reasons are constants of the code, never taken from input, so the maps stay small.
 */
public final class BridgeStats {
  static final String COMPONENT = "bridge";
  /** A frame without the token, or with a wrong one: the connection is closed. */
  public static final String UNAUTHORIZED = "unauthorized";
  /** A subscribe, send or publish to an address the bridge does not permit. */
  public static final String ADDRESS_NOT_PERMITTED = "address_not_permitted";
  /** A second subscription to the same address on one connection. */
  public static final String ALREADY_SUBSCRIBED = "already_subscribed";
  /** A connection past {@code bridge.max_connections}: closed. */
  public static final String TOO_MANY_CONNECTIONS = "too_many_connections";

  private final Metrics metrics;
  private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder connections = new LongAdder();

  BridgeStats(Metrics metrics) {
    this.metrics = metrics;
  }

  void connectionOpened() {
    connections.increment();
  }

  void refuse(String reason) {
    // The metric's own adder, looked up once per reason, so a flood of bad frames builds no meter keys.
    refused.computeIfAbsent(reason, r -> metrics.errorCount(COMPONENT, r)).increment();
  }

  void reject(String reason) {
    rejected.computeIfAbsent(reason, r -> metrics.errorCount(COMPONENT, r)).increment();
  }

  void accept() {
    accepted.increment();
  }

  /** Connections that sent at least one frame, since start. */
  public long connections() {
    return connections.sum();
  }

  /** Frames refused, by reason. */
  public long refused(String reason) {
    LongAdder n = refused.get(reason);
    return n == null ? 0 : n.sum();
  }

  /** Inbound messages rejected, by reason. */
  public long rejected(String reason) {
    LongAdder n = rejected.get(reason);
    return n == null ? 0 : n.sum();
  }

  public long rejected() {
    return rejected.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long refused() {
    return refused.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Inbound messages accepted (events and signals). */
  public long accepted() {
    return accepted.sum();
  }
}
