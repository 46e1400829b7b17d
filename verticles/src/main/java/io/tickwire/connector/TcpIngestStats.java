package io.tickwire.connector;

import io.tickwire.metrics.Metrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The TCP ingest's counters. Written from every decoder's event loop and read from anywhere (health, tests), hence
 * adders and a concurrent map rather than locks.
 */
public final class TcpIngestStats {
  /** The component of the TCP ingest's rejections in {@code tickwire_errors_total}. */
  static final String COMPONENT = "tcp_ingest";

  private final Metrics metrics;
  private final LongAdder connections = new LongAdder();
  private final LongAdder frames = new LongAdder();
  private final LongAdder events = new LongAdder();
  private final LongAdder closedOversize = new LongAdder();
  private final LongAdder refusedConnections = new LongAdder();
  private final LongAdder refusedPerAddress = new LongAdder();
  private final LongAdder closedIdle = new LongAdder();
  private final LongAdder lostEvents = new LongAdder();
  private final Map<String, Long> rejected = new ConcurrentHashMap<>();
  /** {@code tickwire_errors_total} by reason, looked up here so a flood of bad frames builds no meter keys. */
  private final Map<String, LongAdder> errorCounts = new ConcurrentHashMap<>();

  /** @param metrics where each rejection is counted too, by reason */
  TcpIngestStats(Metrics metrics) {
    this.metrics = metrics;
  }

  void connectionOpened() {
    connections.increment();
  }

  void connectionClosed() {
    connections.decrement();
  }

  void refused() {
    refusedConnections.increment();
  }

  /** Refused because its address already holds max_connections_per_address (also counted in refused()). */
  void addressRefused() {
    refusedPerAddress.increment();
    refusedConnections.increment();
  }

  void idleClosed() {
    closedIdle.increment();
  }

  void frameRead() {
    frames.increment();
  }

  void eventsAccepted(int n) {
    events.add(n);
  }

  void rejected(String reason) {
    rejected.merge(reason, 1L, Long::sum); // atomic in a ConcurrentHashMap
    errorCounts.computeIfAbsent(reason, r -> metrics.errorCount(COMPONENT, r)).increment();
  }

  void eventsLost(int n) {
    lostEvents.add(n);
    errorCounts.computeIfAbsent("ingress_refused", r -> metrics.errorCount(COMPONENT, r)).increment();
  }

  void closedForLength() {
    closedOversize.increment();
  }

  public long connections() {
    return connections.sum();
  }

  /** Complete frames read, good or bad. */
  public long frames() {
    return frames.sum();
  }

  /** Events handed to the pipeline. */
  public long events() {
    return events.sum();
  }

  public long closedOversize() {
    return closedOversize.sum();
  }

  /** Events the ingress refused after they were read (a bug if ever non-zero; never silent). */
  public long lostEvents() {
    return lostEvents.sum();
  }

  public long refusedConnections() {
    return refusedConnections.sum();
  }

  public long refusedPerAddress() {
    return refusedPerAddress.sum();
  }

  /** Connections closed for sending nothing for idle_timeout_ms. */
  public long closedIdle() {
    return closedIdle.sum();
  }

  /** Rejected frames by reason. */
  public Map<String, Long> rejectedByReason() {
    return Map.copyOf(rejected);
  }

  public long rejected() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The health gauges: totals plus {@code rejected_<reason>} for each reason seen. */
  Map<String, Number> gauges() {
    Map<String, Number> gauges = new TreeMap<>();
    gauges.put("connections", connections.sum());
    gauges.put("frames", frames.sum());
    gauges.put("events", events.sum());
    gauges.put("rejected", rejected());
    rejected.forEach((reason, count) -> gauges.put("rejected_" + reason, count));
    gauges.put("closed_oversize", closedOversize.sum());
    gauges.put("refused_connections", refusedConnections.sum());
    gauges.put("refused_per_address", refusedPerAddress.sum());
    gauges.put("closed_idle", closedIdle.sum());
    gauges.put("lost_events", lostEvents.sum());
    return gauges;
  }
}
